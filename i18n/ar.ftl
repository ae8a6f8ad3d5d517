session-count = { $n ->
    [zero] لا جلسات
    [one] جلسة واحدة
    [two] جلستان
    [few] { $n } جلسات
    [many] { $n } جلسة
   *[other] { $n } جلسةً
}
