//! rc-sim command line: parse flags, start the simulator, print how to reach it, stop on Ctrl-C.

use std::io::Write;
use std::time::Duration;

use clap::Parser;
use rc_sim::{accounts, admin_totp_code, Config};

fn print_banner(srv: &rc_sim::Server) {
    let cfg = &srv.state.cfg;
    let mut out = std::io::stdout().lock();
    // Scripts wait for this exact line; it comes first and is flushed at once.
    let _ = writeln!(out, "listening on {}", srv.url());
    let _ = out.flush();
    let rows = rc_sim::state::read(&srv.state.store).len();
    let _ = writeln!(out, "sessions: {rows} active");
    let _ = writeln!(
        out,
        "admin: user id {}  token {}  username admin  password admin-password",
        cfg.admin_user_id, cfg.admin_token
    );
    let _ = writeln!(out, "admin TOTP secret (base32): {}", cfg.admin_totp_secret);
    let _ = writeln!(out, "admin TOTP code now: {}", admin_totp_code(&srv.state));
    let _ = writeln!(
        out,
        "admin backup codes: {}",
        accounts::ADMIN_BACKUP_CODES.join(" ")
    );
    let _ = writeln!(
        out,
        "admin personal access token (bypasses 2FA): {}",
        accounts::ADMIN_PAT
    );
    let a = rc_sim::state::lock(&srv.state.accounts);
    for u in a.users.iter().filter(|u| u.id != cfg.admin_user_id) {
        let _ = writeln!(
            out,
            "user {}: id {}  token {}  password {}  2FA {}",
            u.username,
            u.id,
            u.token,
            u.password,
            match u.available_methods().first() {
                Some(m) => m.to_string(),
                None => "none (password fallback)".into(),
            }
        );
    }
    let _ = out.flush();
}

fn main() {
    // clap prints the error and exits with code 2 on an unknown flag.
    let cfg = Config::parse();
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("rc-sim: cannot start the runtime: {e}");
            std::process::exit(1);
        }
    };
    let code = rt.block_on(async move {
        let srv = match rc_sim::start(cfg).await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("rc-sim: {e}");
                return 1;
            }
        };
        print_banner(&srv);
        if srv.state.cfg.print_totp {
            let st = srv.state.clone();
            tokio::spawn(async move {
                // Print at each new 30 s step so the code shown is always fresh.
                loop {
                    let now = rc_sim::json::now_ms();
                    let next = 30_000 - now.rem_euclid(30_000);
                    tokio::time::sleep(Duration::from_millis(next as u64 + 5)).await;
                    println!("admin TOTP code now: {}", admin_totp_code(&st));
                }
            });
        }
        let _ = tokio::signal::ctrl_c().await;
        eprintln!("rc-sim: shutting down");
        match srv.stop().await {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("rc-sim: {e}");
                1
            }
        }
    });
    std::process::exit(code);
}
