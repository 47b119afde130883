//! Digests of what a page's template receives, so that `dossier serve` re-renders only
//! the pages whose data changed. Maps are digested in any order (Tera's iterate in no
//! fixed one); the views that many pages share are digested once per render.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use tera::Value;
use tera::value::ValueKind;

/// The digests of the shared views of one render, by the address of their contents.
/// Shared views live as long as the render, so an address names one view throughout.
#[derive(Default)]
pub struct ViewDigests {
    digests: HashMap<usize, u64>,
}

impl ViewDigests {
    /// Digests `value` once, for every page that shows it.
    pub fn add(&mut self, value: &Value) {
        if let Some(address) = address(value) {
            let digest = self.digest(value);
            self.digests.insert(address, digest);
        }
    }

    /// The digest of `value`.
    pub fn digest(&self, value: &Value) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.write(value, &mut hasher);
        hasher.finish()
    }

    /// Feeds `value` to `hasher`: a shared view by its digest, anything else by content.
    pub fn write(&self, value: &Value, hasher: &mut impl Hasher) {
        if let Some(digest) = address(value).and_then(|a| self.digests.get(&a)) {
            hasher.write_u8(0);
            hasher.write_u64(*digest);
            return;
        }
        match value.kind() {
            ValueKind::Map => {
                let Some(map) = value.as_map() else { return };
                // Each entry on its own, summed: the order of iteration does not count.
                let mut sum = 0u64;
                for (key, item) in map {
                    let mut entry = DefaultHasher::new();
                    key.hash(&mut entry);
                    self.write(item, &mut entry);
                    sum = sum.wrapping_add(entry.finish());
                }
                hasher.write_u8(1);
                hasher.write_usize(map.len());
                hasher.write_u64(sum);
            }
            ValueKind::Array => {
                let items = value.as_array().unwrap_or_default();
                hasher.write_u8(2);
                hasher.write_usize(items.len());
                for item in items {
                    self.write(item, hasher);
                }
            }
            ValueKind::String => {
                hasher.write_u8(3);
                value.as_str().unwrap_or_default().hash(hasher);
            }
            ValueKind::Bool => {
                hasher.write_u8(4);
                value.as_bool().unwrap_or_default().hash(hasher);
            }
            ValueKind::None | ValueKind::Undefined => hasher.write_u8(5),
            _ => {
                // Numbers and bytes: their text is their identity.
                hasher.write_u8(6);
                value.to_string().hash(hasher);
            }
        }
    }
}

/// Where the contents of a map or a non-empty array live, while the value lives.
fn address(value: &Value) -> Option<usize> {
    if let Some(map) = value.as_map() {
        return Some(map as *const tera::Map as usize);
    }
    value
        .as_array()
        .filter(|items| !items.is_empty())
        .map(|items| items.as_ptr() as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_content_digests_equal_and_any_change_shows() {
        let digests = ViewDigests::default();
        let a = Value::from_serializable(&serde_json::json!({"x": [1, 2], "y": "text", "z": null}));
        let b = Value::from_serializable(&serde_json::json!({"z": null, "y": "text", "x": [1, 2]}));
        let c = Value::from_serializable(&serde_json::json!({"x": [2, 1], "y": "text", "z": null}));
        let d =
            Value::from_serializable(&serde_json::json!({"x": [1, 2], "y": "text!", "z": null}));
        assert_eq!(digests.digest(&a), digests.digest(&b));
        assert_ne!(digests.digest(&a), digests.digest(&c));
        assert_ne!(digests.digest(&a), digests.digest(&d));
    }

    #[test]
    fn pages_digest_alike_across_renders_and_change_with_a_shared_value() {
        // Two renders of the same content, each with its own shared values.
        let render = |name: &str| {
            let shared =
                Value::from_serializable(&serde_json::json!({"name": name, "meetings": [1, 2]}));
            let mut digests = ViewDigests::default();
            digests.add(&shared);
            let page = Value::from(vec![shared.clone(), shared]);
            digests.digest(&page)
        };
        assert_eq!(render("Envoy"), render("Envoy"));
        assert_ne!(render("Envoy"), render("Envoy B"));
    }
}
