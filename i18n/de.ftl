session-count = { $n ->
    [one] { $n } Sitzung
   *[other] { $n } Sitzungen
}
