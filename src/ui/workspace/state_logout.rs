//! The workspace reducer's logout steps: the confirmation, the run's per-row results, the
//! report with *Retry failures*, and the verification that reads the affected users again.
//! A part of `state.rs` (same `State`, same reducer), kept apart by what it is about.

use super::*;

impl State {
    /// The logout dialog and its run; `None` when the dialog ignores the action.
    pub(super) fn logout_step(&mut self, action: Action) -> Option<()> {
        match action {
            Action::AskLogout(targets) => {
                if targets.is_empty() || matches!(self.dialog, Some(Dialog::Running { .. })) {
                    return None;
                }
                // This page's own session goes last, so the others are not refused for its sake.
                // A stable partition, not a sort: no std sort copy of its own for one flag.
                let (mut targets, current): (Vec<_>, Vec<_>) =
                    targets.into_iter().partition(|t| !t.current);
                targets.extend(current);
                self.dialog = Some(Dialog::Confirm {
                    targets: targets.into(),
                    again: false,
                });
            }
            Action::ConfirmLogout => match self.dialog.take() {
                Some(Dialog::Confirm { targets, again }) => {
                    self.dialog = if !again && targets.iter().any(|t| t.current) {
                        Some(Dialog::Confirm {
                            targets,
                            again: true,
                        })
                    } else {
                        let run = self.next();
                        Some(Dialog::Running {
                            run,
                            targets,
                            done: 0,
                            failed: Vec::new(),
                            results: Vec::new(),
                        })
                    };
                }
                _ => return None,
            },
            Action::CloseDialog => match self.dialog {
                Some(Dialog::Confirm { .. } | Dialog::Report { .. }) => self.dialog = None,
                _ => return None,
            },
            Action::LogoutResult {
                run,
                target,
                error,
                gone,
            } => self.logout_result(run, target, error, gone),
            Action::RetryFailures => {
                let Some(Dialog::Report { failed, .. }) = &self.dialog else {
                    return None;
                };
                let targets: Rc<[Target]> = failed.iter().map(|f| f.target.clone()).collect();
                if targets.is_empty() {
                    return None;
                }
                let run = self.next();
                self.dialog = Some(Dialog::Running {
                    run,
                    targets,
                    done: 0,
                    failed: Vec::new(),
                    results: Vec::new(),
                });
            }
            Action::Verified { key, result } => {
                let Some(Dialog::Report {
                    results,
                    verify: verify @ Some(Verify::Running(_)),
                    ..
                }) = &mut self.dialog
                else {
                    return None;
                };
                if *verify != Some(Verify::Running(key)) {
                    return None;
                }
                match result {
                    Ok(survivors) => {
                        let mut marked: Vec<RowResult> = results.to_vec();
                        for r in &mut marked {
                            r.survived = r.outcome == Outcome::Ended
                                && survivors.contains(&r.target.session_id);
                        }
                        *results = marked.into();
                        *verify = Some(Verify::Done);
                    }
                    Err(why) => *verify = Some(Verify::Failed(why)),
                }
            }
            _ => {}
        }
        Some(())
    }

    /// One answer of a run; the last one shows the report (or, for one device that ended,
    /// a toast).
    fn logout_result(&mut self, run: u64, target: Target, error: Option<ApiError>, gone: bool) {
        if error.is_none() {
            self.forget_rows(&[target.index], &[target.session_id.as_str()]);
        }
        let Some(Dialog::Running {
            run: current,
            targets,
            done,
            failed,
            results,
        }) = &mut self.dialog
        else {
            return;
        };
        if *current != run {
            return;
        }
        *done += 1;
        let outcome = match (&error, gone) {
            // The record keeps the reason in English, as its CSV and events do.
            (Some(reason), _) => Outcome::Refused(reason.to_string()),
            (None, true) => Outcome::AlreadyGone,
            (None, false) => Outcome::Ended,
        };
        results.push(RowResult {
            target: target.clone(),
            outcome,
            reason: error.clone(),
            survived: false,
        });
        if let Some(reason) = error {
            failed.push(Failure { target, reason });
        }
        if *done < targets.len() {
            return;
        }
        let (total, failed) = (targets.len(), std::mem::take(failed));
        let results: Rc<[RowResult]> = std::mem::take(results).into();
        let succeeded = total - failed.len();
        self.dialog = None;
        if failed.is_empty() {
            let text = Said::new(move |l| tr!(l, LOGGED_OUT_TOAST, n = total));
            self.toast(text, false);
            if total == 1 {
                return;
            }
        }
        // Nothing to verify when nothing ended, nor when the page's own session (or, on a
        // server that does not say which it is, any of the admin's own) ended: the page is
        // signed out, and a re-read could only answer 401.
        let ended = |r: &&RowResult| r.outcome == Outcome::Ended;
        let verify = (results.iter().any(|r| ended(&r))
            && !results.iter().filter(ended).any(|r| r.target.current))
        .then(|| Verify::Running(self.next()));
        self.dialog = Some(Dialog::Report {
            succeeded,
            failed,
            results,
            verify,
        });
    }

    /// The sessions a running verification must look for: (key, ended rows' targets).
    pub fn verifying(&self) -> Option<(u64, Vec<Target>)> {
        match &self.dialog {
            Some(Dialog::Report {
                results,
                verify: Some(Verify::Running(key)),
                ..
            }) => Some((
                *key,
                results
                    .iter()
                    .filter(|r| r.outcome == Outcome::Ended)
                    .map(|r| r.target.clone())
                    .collect(),
            )),
            _ => None,
        }
    }
}
