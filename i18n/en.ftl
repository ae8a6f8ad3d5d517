# English: the reference catalogue. Every other catalogue has exactly its keys, and each
# message the same variables (build.rs fails the build otherwise).

session-count = { $n ->
    [one] { $n } session
   *[other] { $n } sessions
}
