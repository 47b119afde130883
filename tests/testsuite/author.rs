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

/// `dossier templates export` in `dir`.
fn export(dir: &std::path::Path) -> std::process::Output {
    dossier()
        .args(["templates", "export"])
        .arg(dir)
        .output()
        .expect("dossier runs")
}

/// The exported templates and stylesheet are the embedded ones: a site that holds
/// them builds exactly as one that does not.
#[test]
fn exported_templates_build_the_same_site() {
    let site = copy_example();
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let before = read_tree(&site.path().join("public"));
    let output = export(site.path());
    let text = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("keep only the files you change"), "{text}");
    for file in [
        "templates/base.html",
        "templates/partials/meeting.html",
        "static/style.css",
    ] {
        assert!(site.path().join(file).is_file(), "{file} exported");
    }
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let after = read_tree(&site.path().join("public"));
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &before {
        assert!(
            after[path] == *bytes,
            "{path} differs once the templates are exported"
        );
    }
}

/// An export never writes over a file: with one of them there, it writes nothing.
#[test]
fn templates_export_writes_nothing_when_a_file_is_there() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(dir.path().join("templates/base.html"), "mine").unwrap();
    let output = export(dir.path());
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8_lossy(&output.stderr);
    assert!(
        text.contains("error: nothing written: templates/base.html is already in ")
            && text.contains(": export into another folder, or move it away"),
        "{text}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("templates/base.html")).unwrap(),
        "mine"
    );
    assert_eq!(read_tree(dir.path()).len(), 1, "nothing else written");
}

/// A site's static/extra.css is linked after the default stylesheet on every page, so
/// that one rule of its own takes one line; without it no page links it.
#[test]
fn static_extra_css_is_linked_after_the_default_stylesheet() {
    let site = copy_site(&fixture("sites/author-links"));
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let files = read_tree(&site.path().join("public"));
    assert!(
        files
            .values()
            .all(|bytes| !String::from_utf8_lossy(bytes).contains("extra.css")),
        "linked without a file"
    );

    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::fs::write(
        site.path().join("static/extra.css"),
        ".site-title { color: teal; }\n",
    )
    .unwrap();
    let output = build(site.path(), &[]);
    assert!(output.status.success(), "{}", report(&output, site.path()));
    let files = read_tree(&site.path().join("public"));
    assert_eq!(files["extra.css"], b".site-title { color: teal; }\n");
    let mut pages = 0;
    for (path, bytes) in files.iter().filter(|(path, _)| path.ends_with(".html")) {
        let page = String::from_utf8_lossy(bytes);
        // The way to the root, as the default stylesheet's link has it (the 404 page's
        // is the site's path).
        let link = "<link rel=\"stylesheet\" href=\"";
        let root = page
            .split(link)
            .nth(1)
            .and_then(|rest| rest.split("style.css\">").next())
            .unwrap_or_else(|| panic!("{path} links no stylesheet"));
        let default = page.find(&format!("{link}{root}style.css\">"));
        let extra = page.find(&format!(
            "<link rel=\"stylesheet\" href=\"{root}extra.css\">"
        ));
        assert!(
            matches!((default, extra), (Some(d), Some(e)) if d < e),
            "{path}: {default:?} {extra:?}"
        );
        pages += 1;
    }
    assert!(pages > 10, "{pages} pages");
}

/// `dossier serve` links static/extra.css from every page once it is written, and no
/// more once it is removed.
#[test]
fn serve_links_an_extra_stylesheet_that_comes_and_goes() {
    let site = copy_site(&fixture("sites/author-links"));
    let served = crate::served::Served::start(site.path(), &[]);
    let link = "<link rel=\"stylesheet\" href=\"../../extra.css\">";
    let page = "briefings/first-briefing/";
    assert!(!served.get(page).body.contains(link));
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::fs::write(site.path().join("static/extra.css"), "a { color: teal }").unwrap();
    served.wait_for(page, "linked extra.css", |f| f.body.contains(link));
    std::fs::remove_file(site.path().join("static/extra.css")).unwrap();
    served.wait_for(page, "stopped linking extra.css", |f| {
        f.status == 200 && !f.body.contains(link)
    });
}
