//! Index files as scripts: each one calls `dossierSearch.<name>(...)` with JSON, so
//! that a page opened from disk can load it with a `<script>` tag (it may not fetch).
//! Author text cannot break out of the script: `<`, `>`, `&`, U+2028 and U+2029 are
//! written as `\u` escapes, which mean the same inside JSON strings, the only place
//! they can occur.

use serde::Serialize;

/// The script that calls `dossierSearch.<function>` with `args`, each as JSON.
pub fn call(function: &str, args: &[&dyn erased::Json]) -> anyhow::Result<String> {
    let mut script = String::with_capacity(64);
    script.push_str("dossierSearch.");
    script.push_str(function);
    script.push('(');
    for (at, arg) in args.iter().enumerate() {
        if at > 0 {
            script.push(',');
        }
        push_script_safe_json(&mut script, &arg.json()?);
    }
    script.push_str(");\n");
    Ok(script)
}

/// The script of chunk `n` of documents of `kind`: `dossierSearch.docs(kind,n,rows)`,
/// each row its strings, written in one pass as [`call`] would write them (JSON
/// strings made safe for a script), since documents are most of the index's bytes.
pub fn docs<'r>(kind: usize, n: usize, rows: impl Iterator<Item = [&'r str; 4]>) -> String {
    let mut script = String::with_capacity(4096);
    script.push_str("dossierSearch.docs(");
    script.push_str(&kind.to_string());
    script.push(',');
    script.push_str(&n.to_string());
    script.push_str(",[");
    for (at, row) in rows.enumerate() {
        script.push_str(if at == 0 { "[" } else { ",[" });
        for (i, text) in row.iter().enumerate() {
            if i > 0 {
                script.push(',');
            }
            push_json_string(&mut script, text);
        }
        script.push(']');
    }
    script.push_str("]);\n");
    script
}

/// Appends `text` as a JSON string, escaped as serde_json escapes it and then as
/// [`script_safe_json`] does, in one pass.
fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        let escape: Option<&str> = match b {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            b'\n' => Some("\\n"),
            b'\r' => Some("\\r"),
            b'\t' => Some("\\t"),
            0x08 => Some("\\b"),
            0x0c => Some("\\f"),
            b'<' => Some("\\u003c"),
            b'>' => Some("\\u003e"),
            b'&' => Some("\\u0026"),
            0xe2 if bytes.get(at + 1) == Some(&0x80)
                && matches!(bytes.get(at + 2), Some(0xa8 | 0xa9)) =>
            {
                Some(if bytes[at + 2] == 0xa8 {
                    "\\u2028"
                } else {
                    "\\u2029"
                })
            }
            _ => None,
        };
        if let Some(escape) = escape {
            out.push_str(&text[copied..at]);
            out.push_str(escape);
            at += if b == 0xe2 { 3 } else { 1 };
            copied = at;
        } else if b < 0x20 {
            out.push_str(&text[copied..at]);
            out.push_str(&format!("\\u{b:04x}"));
            at += 1;
            copied = at;
        } else {
            at += 1;
        }
    }
    out.push_str(&text[copied..]);
    out.push('"');
}

/// Any serializable value, behind one type for [`call`]'s list.
pub mod erased {
    pub trait Json {
        fn json(&self) -> anyhow::Result<String>;
    }

    impl<T: super::Serialize> Json for T {
        fn json(&self) -> anyhow::Result<String> {
            Ok(serde_json::to_string(self)?)
        }
    }
}

/// JSON made safe to put inside a `<script>`: the characters that could close the
/// element, start a comment or end a line in older JavaScript become `\u` escapes.
pub fn script_safe_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    push_script_safe_json(&mut out, json);
    out
}

/// Appends `json` to `out` as [`script_safe_json`] makes it, copying the runs between
/// the characters it escapes whole.
fn push_script_safe_json(out: &mut String, json: &str) {
    let mut copied = 0;
    let unsafe_chars = |c| matches!(c, '<' | '>' | '&' | '\u{2028}' | '\u{2029}');
    for (at, c) in json.match_indices(unsafe_chars) {
        out.push_str(&json[copied..at]);
        out.push_str(match c {
            "<" => "\\u003c",
            ">" => "\\u003e",
            "&" => "\\u0026",
            "\u{2028}" => "\\u2028",
            _ => "\\u2029",
        });
        copied = at + c.len();
    }
    out.push_str(&json[copied..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A script that hands `text` over, and the text it hands over once parsed.
    fn round_trip(text: &str) -> (String, String) {
        let script = call("docs", &[&"briefing", &vec![text]]).unwrap();
        let json = script
            .strip_prefix("dossierSearch.docs(\"briefing\",")
            .and_then(|s| s.strip_suffix(");\n"))
            .unwrap();
        let back: Vec<String> = serde_json::from_str(json).unwrap();
        (script, back[0].clone())
    }

    #[test]
    fn less_than_is_escaped() {
        let (script, back) = round_trip("</script><script>alert(1)</script>");
        assert!(!script.contains('<'));
        assert!(script.contains(r"\u003c/script\u003e"));
        assert_eq!(back, "</script><script>alert(1)</script>");
    }

    #[test]
    fn greater_than_is_escaped() {
        let (script, back) = round_trip("--> a > b");
        assert!(!script.contains('>'));
        assert!(script.contains(r"--\u003e a \u003e b"));
        assert_eq!(back, "--> a > b");
    }

    #[test]
    fn ampersand_is_escaped() {
        let (script, back) = round_trip("AT&T &amp;");
        assert!(!script.contains('&'));
        assert!(script.contains(r"AT\u0026T \u0026amp;"));
        assert_eq!(back, "AT&T &amp;");
    }

    #[test]
    fn line_separator_is_escaped() {
        let (script, back) = round_trip("a\u{2028}b");
        assert!(!script.contains('\u{2028}'));
        assert!(script.contains(r"a\u2028b"));
        assert_eq!(back, "a\u{2028}b");
    }

    #[test]
    fn paragraph_separator_is_escaped() {
        let (script, back) = round_trip("a\u{2029}b");
        assert!(!script.contains('\u{2029}'));
        assert!(script.contains(r"a\u2029b"));
        assert_eq!(back, "a\u{2029}b");
    }

    #[test]
    fn quotes_and_backslashes_stay_json_escapes() {
        let (script, back) = round_trip("\"quoted\" \\ end");
        assert!(script.contains(r#"\"quoted\" \\ end"#));
        assert_eq!(back, "\"quoted\" \\ end");
    }

    /// Documents are written in one pass exactly as `call` writes them.
    #[test]
    fn documents_are_written_as_call_writes_them() {
        let texts = [
            "plain",
            "",
            "\"quoted\" \\ \n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}",
            "</script> & <!-- -->",
            "a\u{2028}b\u{2029}c\u{2027}\u{202a}",
            "Élysée, Київ, 停火, 𠀋",
        ];
        let rows: Vec<[&str; 4]> = vec![
            [texts[0], texts[1], texts[2], texts[3]],
            [texts[4], texts[5], texts[0], texts[3]],
        ];
        assert_eq!(
            docs(3, 7, rows.iter().copied()),
            call("docs", &[&3, &7, &rows]).unwrap()
        );
        assert_eq!(
            docs(0, 0, std::iter::empty()),
            call("docs", &[&0, &0, &Vec::<[&str; 4]>::new()]).unwrap()
        );
    }

    /// Every character is escaped wherever it falls, and the text between them is
    /// kept whole.
    #[test]
    fn json_is_made_safe_for_a_script() {
        let json = "\"</script>&x\u{2028}y\u{2029}<\"";
        assert_eq!(
            script_safe_json(json),
            r#""\u003c/script\u003e\u0026x\u2028y\u2029\u003c""#
        );
        assert_eq!(script_safe_json("plain"), "plain");
        assert_eq!(script_safe_json(""), "");
    }
}
