//! Digests of what a page's template receives, so that `dossier serve` re-renders only
//! the pages whose data changed. Maps are digested in any order (Tera's iterate in no
//! fixed one). The views that many pages share are digested once per render, by what
//! they hold: a page's digest takes a shared view as a [`ViewDigests::marker`] naming
//! the kind of view and the digest of its content, never by where it lives in memory.

use std::hash::{DefaultHasher, Hash, Hasher};

use tera::Value;
use tera::value::ValueKind;

/// The kinds of views that pages share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    Actor,
    Topic,
    Briefing,
    Meeting,
    Position,
    Quote,
}

impl Held {
    fn name(self) -> &'static str {
        match self {
            Held::Actor => "actor",
            Held::Topic => "topic",
            Held::Briefing => "briefing",
            Held::Meeting => "meeting",
            Held::Position => "position",
            Held::Quote => "quote",
        }
    }
}

/// The digests of the shared views of one render, by kind and index: each the digest
/// of the view's content.
#[derive(Default)]
pub struct ViewDigests {
    digests: [Vec<u64>; 6],
}

impl ViewDigests {
    /// Digests every shared view of each kind, by content.
    pub fn new(views: [(Held, &[Value]); 6]) -> ViewDigests {
        use rayon::prelude::*;
        let mut known = ViewDigests::default();
        for (held, values) in views {
            known.digests[held as usize] = values.par_iter().map(digest).collect();
        }
        known
    }

    /// What a page's digest takes in place of the shared view `held` number `at`: a
    /// text naming its kind and the digest of its content, which no author's text
    /// holds (it begins with a NUL).
    pub fn marker(&self, held: Held, at: usize) -> Value {
        let digest = self.digests[held as usize]
            .get(at)
            .copied()
            .unwrap_or_default();
        Value::from(format!("\0view {} {digest:016x}", held.name()))
    }
}

/// The digest of `value`'s content.
pub fn digest(value: &Value) -> u64 {
    let mut hasher = DefaultHasher::new();
    write(value, &mut hasher);
    hasher.finish()
}

/// Feeds `value`'s content to `hasher`.
pub fn write(value: &Value, hasher: &mut impl Hasher) {
    match value.kind() {
        ValueKind::Map => {
            let Some(map) = value.as_map() else { return };
            // Each entry on its own, summed: the order of iteration does not count.
            let mut sum = 0u64;
            for (key, item) in map {
                let mut entry = DefaultHasher::new();
                key.hash(&mut entry);
                write(item, &mut entry);
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
                write(item, hasher);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_content_digests_equal_and_any_change_shows() {
        let a = Value::from_serializable(&serde_json::json!({"x": [1, 2], "y": "text", "z": null}));
        let b = Value::from_serializable(&serde_json::json!({"z": null, "y": "text", "x": [1, 2]}));
        let c = Value::from_serializable(&serde_json::json!({"x": [2, 1], "y": "text", "z": null}));
        let d =
            Value::from_serializable(&serde_json::json!({"x": [1, 2], "y": "text!", "z": null}));
        assert_eq!(digest(&a), digest(&b));
        assert_ne!(digest(&a), digest(&c));
        assert_ne!(digest(&a), digest(&d));
    }

    #[test]
    fn markers_name_a_shared_view_by_its_kind_and_content() {
        let known = |name: &str| {
            let actor = Value::from_serializable(&serde_json::json!({"name": name}));
            let views = [
                Held::Actor,
                Held::Topic,
                Held::Briefing,
                Held::Meeting,
                Held::Position,
                Held::Quote,
            ];
            let lists: Vec<Vec<Value>> = views.iter().map(|_| vec![actor.clone()]).collect();
            ViewDigests::new(std::array::from_fn(|i| (views[i], lists[i].as_slice())))
        };
        let (a, again, b) = (known("Envoy"), known("Envoy"), known("Envoy B"));
        // Two renders of the same content, each with views of its own, agree.
        assert_eq!(a.marker(Held::Actor, 0), again.marker(Held::Actor, 0));
        assert_ne!(a.marker(Held::Actor, 0), b.marker(Held::Actor, 0));
        assert_ne!(a.marker(Held::Actor, 0), a.marker(Held::Topic, 0));
    }
}
