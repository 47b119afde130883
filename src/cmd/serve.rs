//! `dossier serve`: orchestration only. Starts the watcher, the first build and the
//! server, then hands each batch of changes to `serve::rebuild`, which holds every
//! piece of the incremental machinery; `serve` itself answers the requests.

use std::net::SocketAddr;

use anyhow::Context;

use crate::cli::{ServeArgs, SiteArgs};
use crate::failure::Failure;
use crate::serve::Server;
use crate::serve::rebuild::Rebuilder;
use crate::serve::rebuild::watch::Watcher;

/// Serves the site until Ctrl-C.
pub fn serve(args: &ServeArgs) -> Result<(), Failure> {
    let root = std::path::absolute(&args.site.root)
        .with_context(|| format!("cannot find {}", args.site.root.display()))?;
    let site_args = SiteArgs {
        root: root.clone(),
        drafts: args.site.drafts,
        strict: args.site.strict,
        base_url: args.site.base_url.clone(),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    let listener = runtime.block_on(listen(SocketAddr::new(args.bind, args.port)))?;
    let address = listener
        .local_addr()
        .context("cannot read the server's address")?;

    // Watch before the first build, so that an edit made during it is not missed.
    let watcher = Watcher::start(&root)?;
    let mut rebuilder = Rebuilder::new(site_args, watcher.newer());
    let server = Server::new(address);
    rebuilder.first(&server)?;

    // An address that means "every interface" is no address to open: name loopback.
    let shown = match address.ip() {
        std::net::IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::from((std::net::Ipv4Addr::LOCALHOST, address.port()))
        }
        std::net::IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::from((std::net::Ipv6Addr::LOCALHOST, address.port()))
        }
        _ => address,
    };
    let url = format!("http://{shown}/");
    println!("Serving at {url}");
    if !address.ip().is_loopback() {
        eprintln!(
            "warning: listening on {}: other machines can read the site",
            address.ip()
        );
    }
    eprintln!("Watching content/, templates/, static/ and dossier.yaml. Press Ctrl-C to stop.");
    if args.open {
        open_in_browser(&url);
    }

    let watching = server.clone();
    std::thread::spawn(move || {
        watcher.run(|change| {
            rebuilder.apply(change, &watching);
        })
    });
    runtime
        .block_on(server.run(listener, async {
            let _ = tokio::signal::ctrl_c().await;
        }))
        .context("the server stopped")?;
    eprintln!("Stopped.");
    Ok(())
}

/// Binds the listening socket; a port in use is an error that names it.
async fn listen(address: SocketAddr) -> anyhow::Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(address).await.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            anyhow::anyhow!(
                "cannot serve on {address}: port {} is in use; stop the program using it or choose another port with --port",
                address.port()
            )
        } else {
            anyhow::Error::new(e).context(format!("cannot serve on {address}"))
        }
    })
}

/// Opens `url` in the default browser; a failure is only a warning.
fn open_in_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut command = std::process::Command::new("cmd");
        command.args(["/C", "start", ""]);
        command
    } else {
        std::process::Command::new("xdg-open")
    };
    if let Err(e) = command.arg(url).spawn() {
        eprintln!("warning: cannot open a browser ({e}): open {url} yourself");
    }
}
