//! Shared server state: data, accounts, switches, and what `POST /_sim/reset` restores.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::accounts::Accounts;
use crate::config::{Config, Faults};
use crate::fixture;
use crate::generator::{self, Rng};
use crate::json::now_ms;
use crate::ratelimit::RateLimiter;
use crate::store::Store;

pub struct AppState {
    pub cfg: Config,
    pub store: RwLock<Store>,
    pub accounts: Mutex<Accounts>,
    pub licence: AtomicBool,
    pub faults: RwLock<Faults>,
    pub rate: Mutex<RateLimiter>,
    pub rng: Mutex<Rng>,
    /// list.all answers served since start, the last reset or the last `POST /_sim/faults`
    /// (`--total-jump` alternates on it).
    pub list_all_calls: AtomicU64,
    initial_accounts: Accounts,
}

/// Poisoning only follows a panic elsewhere; the data is still usable for a simulator.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
pub fn read<T>(m: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    m.read().unwrap_or_else(|e| e.into_inner())
}
pub fn write<T>(m: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    m.write().unwrap_or_else(|e| e.into_inner())
}

/// The data set the flags ask for, with the built-in users' own sessions added.
pub fn build_data(cfg: &Config, accounts: &Accounts) -> Result<Store, String> {
    let (mut sessions, mut users) = if let Some(path) = &cfg.fixture {
        let l = fixture::load_file(path)?;
        (l.sessions, l.users)
    } else if let Some(n) = cfg.sessions {
        let g = generator::generate(n, cfg.seed, cfg.now.unwrap_or_else(now_ms));
        (g.sessions, g.users)
    } else {
        let l = fixture::parse(fixture::EXAMPLE)?;
        (l.sessions, l.users)
    };
    // The built-in tokens' rows stay the newest, even with a `--now` ahead of the clock.
    sessions.extend(accounts.own_sessions(now_ms().max(cfg.now.unwrap_or(0))));
    users.extend(accounts.users.iter().map(|a| a.user_rec()));
    Ok(Store::new(sessions, users))
}

impl AppState {
    pub fn new(mut cfg: Config) -> Result<Arc<Self>, String> {
        // `--now` defaults to the clock at start, fixed then so `/_sim/reset` rebuilds the
        // same rows.
        cfg.now.get_or_insert_with(now_ms);
        let accounts = Accounts::builtin(&cfg)?;
        let store = build_data(&cfg, &accounts)?;
        let seed = now_ms() as u64 ^ std::process::id() as u64;
        Ok(Arc::new(AppState {
            store: RwLock::new(store),
            accounts: Mutex::new(accounts.clone()),
            licence: AtomicBool::new(cfg.licence),
            faults: RwLock::new(cfg.faults.clone()),
            rate: Mutex::new(RateLimiter::default()),
            rng: Mutex::new(Rng::new(seed)),
            list_all_calls: AtomicU64::new(0),
            initial_accounts: accounts,
            cfg,
        }))
    }

    /// Back to the state at start: data, tokens, 2FA memory, licence, faults, rate counters.
    /// The data is built again rather than kept twice: at 1M rows a copy would cost memory.
    pub fn reset(&self) {
        if let Ok(store) = build_data(&self.cfg, &self.initial_accounts) {
            *write(&self.store) = store;
        }
        *lock(&self.accounts) = self.initial_accounts.clone();
        self.licence.store(self.cfg.licence, Ordering::SeqCst);
        *write(&self.faults) = self.cfg.faults.clone();
        self.list_all_calls.store(0, Ordering::SeqCst);
        *lock(&self.rate) = RateLimiter::default();
    }

    pub fn licensed(&self) -> bool {
        self.licence.load(Ordering::SeqCst)
    }
}
