//! What an author meets: the internal link check finds nothing to report in the
//! default templates, and reports a broken link in the content without failing the
//! build unless strict.

use crate::common::*;

#[test]
fn the_fixture_sites_and_the_example_have_no_broken_link_nor_id_twice() {
    let mut sites: Vec<(String, tempfile::TempDir)> = std::fs::read_dir(fixture("sites"))
        .expect("the fixture sites")
        .map(|entry| entry.expect("a fixture").path())
        // The injection site's markup holds `<img src=x>` on purpose: a broken link.
        .filter(|path| path.is_dir() && !path.ends_with("injection"))
        .map(|path| (path.display().to_string(), copy_site(&path)))
        .collect();
    sites.push(("example".to_string(), copy_example()));
    for (name, site) in sites {
        let output = build(site.path(), &["--drafts"]);
        let text = report(&output, site.path());
        assert!(output.status.success(), "{name}: {text}");
        assert!(
            !text.contains("goes nowhere")
                && !text.contains("given twice")
                && !text.contains("above the dossier's root"),
            "{name}: {text}"
        );
    }
}

#[test]
fn a_broken_link_is_a_warning_with_its_line_and_the_build_goes_on() {
    let site = copy_site(&fixture("invalid/author-broken-links-strict"));
    let output = build(site.path(), &[]);
    let text = report(&output, site.path());
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("content/briefings/signing.md:9: warning: the link to briefings/nope/index.html goes nowhere"),
        "{text}"
    );
    assert!(
        site.path()
            .join("public/briefings/signing/index.html")
            .exists()
    );
}

#[test]
fn check_says_which_drafts_it_left_out_as_build_does() {
    let site = copy_site(&fixture("sites/drafts"));
    let output = dossier()
        .arg("check")
        .arg("--root")
        .arg(site.path())
        .output()
        .expect("dossier runs");
    let text = report(&output, site.path());
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("Left out 1 draft (--drafts includes them)"),
        "{text}"
    );
}

#[test]
fn init_in_the_current_folder_says_so_and_needs_no_cd() {
    let site = tempfile::tempdir().expect("a temporary folder");
    let output = dossier()
        .arg("init")
        .arg(".")
        .current_dir(site.path())
        .output()
        .expect("dossier runs");
    let text = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{text}");
    assert_eq!(
        text,
        "Created a new dossier in the current folder. Build it with:\n\n    dossier build\n\n"
    );
    assert!(
        site.path()
            .join("content/briefings/first-briefing.md")
            .exists()
    );
}

/// Without a base_url there is no address to make absolute: no sitemap, no canonical
/// link, feeds that link relatively with ids that are still absolute (URNs), and a
/// note that says how to have them.
#[test]
fn an_empty_base_url_leaves_the_absolute_addresses_out_and_says_how_to_add_them() {
    let site = copy_site(&fixture("sites/author-links"));
    std::fs::write(
        site.path().join("dossier.yaml"),
        "title: Accords\nbase_url: \"\"\n",
    )
    .unwrap();
    let output = build(site.path(), &[]);
    let text = report(&output, site.path());
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("Left out sitemap.xml, canonical links and the feeds' absolute addresses: they need the site's address (set base_url: https://... in dossier.yaml, or build with --base-url URL)"),
        "{text}"
    );
    let files = read_tree(&site.path().join("public"));
    assert!(!files.contains_key("sitemap.xml"));
    let page = String::from_utf8_lossy(&files["briefings/first-briefing/index.html"]);
    assert!(!page.contains("rel=\"canonical\""), "{page}");
    let feed = String::from_utf8_lossy(&files["feed.xml"]);
    assert!(
        feed.contains("<id>urn:dossier:accords:briefings/first-briefing/index.html</id>"),
        "{feed}"
    );
    assert!(
        feed.contains("href=\"briefings/first-briefing/index.html\""),
        "{feed}"
    );
    assert!(
        !feed.contains("<loc>") && !feed.contains("<id>briefings/"),
        "{feed}"
    );
}

/// The canonical link of every page is the address the sitemap lists for it: the
/// page's folder, which every static host serves.
#[test]
fn canonical_links_and_the_sitemap_name_the_same_addresses() {
    let site = copy_site(&fixture("sites/author-links"));
    std::fs::write(
        site.path().join("dossier.yaml"),
        "title: Accords\nbase_url: https://example.github.io/accords/\n",
    )
    .unwrap();
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let files = read_tree(&site.path().join("public"));
    let sitemap = String::from_utf8_lossy(&files["sitemap.xml"]);
    let listed: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|rest| rest.split("</loc>").next().unwrap())
        .collect();
    assert!(
        listed.contains(&"https://example.github.io/accords/briefings/first-briefing/"),
        "{sitemap}"
    );
    let mut pages = 0;
    for (path, bytes) in &files {
        let Some(folder) = path.strip_suffix("index.html") else {
            continue;
        };
        let page = String::from_utf8_lossy(bytes);
        let canonical = format!("https://example.github.io/accords/{folder}");
        assert!(
            page.contains(&format!("<link rel=\"canonical\" href=\"{canonical}\">")),
            "{path}"
        );
        assert!(
            listed.contains(&canonical.as_str()),
            "{path} is not in the sitemap"
        );
        pages += 1;
    }
    assert_eq!(pages, listed.len(), "{sitemap}");
}
