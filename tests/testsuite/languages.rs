//! A translated site (`languages: [en, uk]`), built by the real binary: no problem to
//! report, every link between its languages' trees found from disk (with and without
//! a `base_url`), and `dossier serve` serving each tree as the build writes it.

use crate::common::*;
use crate::links::broken_links;
use crate::serve::LIVE_RELOAD;
use crate::served::Served;

#[test]
fn a_translated_site_builds_without_a_problem_and_its_languages_link_from_disk() {
    let site = copy_site(&fixture("sites/bilingual"));
    // Without a base_url too, when the hreflang links are relative and checked.
    let config = site.path().join("dossier.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    for config_text in [
        text.clone(),
        text.replace("base_url: https://example.org/talks\n", ""),
    ] {
        std::fs::write(&config, &config_text).unwrap();
        let output = build(site.path(), &[]);
        assert!(output.status.success(), "{}", report(&output, site.path()));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("warning"), "{stderr}");
        let public = site.path().join("public");
        assert!(public.join("uk/briefings/florida/index.html").is_file());
        let problems = broken_links(&public);
        assert!(
            problems.is_empty(),
            "broken links:\n{}",
            problems.join("\n")
        );
        let page = std::fs::read_to_string(public.join("uk/briefings/geneva/index.html")).unwrap();
        assert!(
            page.contains(r#"<a href="../../../briefings/geneva/index.html" hreflang="en" lang="en">English</a>"#),
            "{page}"
        );
        assert!(page.contains("Цю сторінку ще не перекладено"), "{page}");
    }
}

#[test]
fn serve_serves_every_languages_tree_as_the_build_writes_it() {
    let site = copy_site(&fixture("sites/bilingual"));
    let out = tempfile::tempdir().expect("a temporary folder");
    let output = build(site.path(), &["--output", &out.path().to_string_lossy()]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let built = read_tree(out.path());
    assert!(built.keys().any(|path| path.starts_with("uk/")));
    let served = Served::start(site.path(), &[]);
    for (path, bytes) in &built {
        let fetched = served.get(path);
        assert_eq!(fetched.status, 200, "{path}");
        assert!(
            fetched.body.replace(LIVE_RELOAD, "") == String::from_utf8_lossy(bytes),
            "/{path} differs from the built file"
        );
    }
}
