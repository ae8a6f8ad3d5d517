session-count = { $n ->
    [zero] لا جلسات
    [one] جلسة واحدة
    [two] جلستان
    [few] { $n } جلسات
    [many] { $n } جلسة
   *[other] { $n } جلسةً
}

language = اللغة
language-en = English
language-de = Deutsch
language-ar = العربية

## الترويسة (ui/app.rs)
app-title = إدارة الأجهزة
signing-in = جارٍ تسجيل الدخول…
retry = إعادة المحاولة
refresh = تحديث
sign-out = تسجيل الخروج
server-filter-note = مرشّح الخادم «{ $filter }»: حُمّلت الجلسات المطابقة له فقط.
header-loaded = { $n ->
    [zero] لم تُحمَّل أي جلسة
    [one] حُمّلت جلسة واحدة
    [two] حُمّلت جلستان
    [few] حُمّلت { $n } جلسات
    [many] حُمّلت { $n } جلسة
   *[other] حُمّلت { $n } جلسة
}
header-loaded-of = { $total ->
    [one] حُمّلت { $n } من جلسة واحدة
    [two] حُمّلت { $n } من جلستين
    [few] حُمّلت { $n } من { $total } جلسات
   *[other] حُمّلت { $n } من { $total } جلسة
}
header-who = مسجّل الدخول باسم { $user } على { $server }
header-who-here = مسجّل الدخول باسم { $user } على هذا الخادم
header-loading = جارٍ تحميل الجلسات…
header-updated = { $count } · آخر تحديث { $time }

## الأخطاء (api/error.rs): ما حدث، ثم ما يجب فعله
error-and-next-step = { $error } { $next }
err-not-logged-in = لم يقبل الخادم مُعرّف المستخدم ورمز المصادقة هذين.
err-bad-credentials = لم يقبل الخادم اسم المستخدم أو كلمة المرور.
err-login-blocked = أوقف الخادم تسجيل الدخول مؤقتًا بعد محاولات فاشلة.
err-forbidden = ينقص حسابك الإذن اللازم لذلك (view-device-management لعرض الأجهزة، وlogout-device-management لتسجيل خروجها).
err-no-licence = لا يشمل ترخيص هذا الخادم إدارة الأجهزة، وهي ميزة من ميزات الإصدار Enterprise.
err-invalid-params = رفض الخادم معاملات الطلب.
err-invalid-params-detail = رفض الخادم معاملات الطلب ({ $detail }).
err-emailed-to = أرسل الخادم رمز التحقق بخطوتين إلى { $to }.
err-emailed = أرسل إليك الخادم رمز التحقق بخطوتين بالبريد الإلكتروني.
err-asks-emailed = يطلب الخادم رمز التحقق بخطوتين الذي أرسله إليك بالبريد الإلكتروني.
err-asks-password = يطلب الخادم تأكيد كلمة مرورك لهذا الإجراء.
err-asks-method = يطلب الخادم رمز التحقق بخطوتين (الطريقة «{ $method }»).
err-asks-totp = يطلب الخادم رمز التحقق بخطوتين من تطبيق المصادقة لديك.
err-password-rejected = لم يقبل الخادم كلمة المرور.
err-code-rejected = لم يُقبل رمز التحقق بخطوتين.
err-max-attempts = جُرّب عدد كبير جدًا من رموز التحقق الخاطئة.
err-code-every-call = يطلب هذا الخادم رمز تحقق جديدًا في كل استدعاء (تذكّر الرموز معطّل)، والرمز المرسل بالبريد الإلكتروني يصلح مرة واحدة فقط: يحتاج التحميل الكامل إلى تطبيق مصادقة أو رمز وصول يتجاوز التحقق بخطوتين.
err-wrong-session = أجاب الخادم بتفاصيل جلسة غير الجلسة المطلوبة، لذلك لا تُعرض.
err-too-large = تجاوز رد الخادم { $mb } ميغابايت، فرُفض قبل قراءته.
err-session-not-found = هذه الجلسة لم تعد موجودة؛ ربما سُجّل خروجها من قبل.
err-endpoint-missing = لا توجد نقطة API كهذه على هذا الخادم.
err-rate-limited = يحدّ الخادم من عدد مرات استدعاء هذا.
err-invalid-sort = رفض الخادم ترتيب الفرز.
err-invalid-sort-keys = رفض الخادم أحد مفاتيح الفرز.
err-invalid-input = يحتوي الحقل «{ $what }» على أحرف لا يمكن إرسالها في طلب.
input-password = كلمة المرور
input-user-id = مُعرّف المستخدم
input-auth-token = رمز المصادقة
input-server-url = عنوان الخادم
input-code = رمز التحقق بخطوتين
err-network = تعذّر الوصول إلى الخادم.
err-likely-cors = فشل الاستدعاء إلى { $server } قبل أي رد، والأرجح أن المتصفح حجبه: هذه الصفحة آتية من { $page }، فإما أن سياسة أمان المحتوى للصفحة تمنع الاتصال بموقع آخر، وإما أن إعدادات CORS في Rocket.Chat ترفض الاستدعاء (فهي لا تسمح أبدًا بالترويسة x-2fa-code).
err-timeout = { $n ->
    [one] لم يُجب الخادم خلال ثانية واحدة.
    [two] لم يُجب الخادم خلال ثانيتين.
    [few] لم يُجب الخادم خلال { $n } ثوانٍ.
   *[other] لم يُجب الخادم خلال { $n } ثانية.
}
err-not-json-truncated = انتهى رد الخادم (الحالة { $status }) قبل أن يكتمل JSON الخاص به.
err-not-json = أجاب الخادم بالحالة { $status }، لكن المحتوى لم يكن JSON (ربما صفحة خطأ من وسيط، أو عنوان خاطئ).
err-bad-shape = رد الخادم (الحالة { $status }) بصيغة JSON، لكن الحقل «{ $field }» مفقود أو من نوع خاطئ.
err-server = فشل الخادم بالحالة { $status }.
err-cancelled = أُلغي التحميل.
err-other = أجاب الخادم بالحالة { $status }.
err-other-message = أجاب الخادم بالحالة { $status }: { $message }.
next-not-logged-in = تحقّق من مُعرّف المستخدم ورمز المصادقة (أو سجّل الدخول بكلمة مرورك) ثم حاول مجددًا.
next-bad-credentials = تحقّق من اسم المستخدم أو البريد الإلكتروني وكلمة المرور، ثم سجّل الدخول مجددًا.
next-login-blocked = انتظر بضع دقائق قبل تسجيل الدخول مجددًا، أو اطلب من مسؤول إلغاء حظر الحساب.
next-forbidden = اطلب من مسؤول Rocket.Chat منح هذا الإذن لأحد أدوارك.
next-no-licence = اطلب من مالك مساحة العمل ترخيص Enterprise يشمل إدارة الأجهزة.
next-reload-and-report = أعد تحميل الصفحة؛ وإن تكرر ذلك فأبلغ عنه مع إصدار الخادم.
next-email-code-sent = أدخل الرمز من تلك الرسالة ثم أعد المحاولة.
next-email-code-latest = أدخل الرمز من أحدث رسالة، أو اطلب رمزًا جديدًا.
next-password = أدخل كلمة مرور حسابك ثم أعد المحاولة.
next-totp = أدخل الرمز الحالي من تطبيق المصادقة ثم أعد المحاولة.
next-password-check = تحقّق من كلمة المرور ثم أعد المحاولة.
next-totp-check-clock = أدخل الرمز الحالي (وتحقّق من صحة ساعة الجهاز) ثم أعد المحاولة.
next-max-attempts = اطلب رمزًا جديدًا بالبريد الإلكتروني وأدخله.
next-code-every-call = سجّل الدخول بتلك الطريقة، أو اطلب ضبط «التذكّر لمدة» (الحسابات ← التحقق بخطوتين) على قيمة أكبر من 0.
next-wrong-session = التفاصيل أدناه مأخوذة من القائمة؛ أعد تحميلها لترى آخر حالة للجلسة.
next-too-large = ضيّق نطاق التحميل (خيارات متقدمة ← المرشّح أو «الحد الأقصى للتحميل»)، أو تحقّق من أنه لا يوجد وسيط يجيب بدلًا من الخادم.
next-session-not-found = أعد تحميل القائمة لترى الجلسات التي ما زالت نشطة.
next-endpoint-missing = تحقّق من أن عنوان الخادم هو عنوان Rocket.Chat (من دون ‎/api) وأن إصدار الخادم 5 أو أحدث.
next-wait-seconds = { $n ->
    [one] انتظر ثانية واحدة ثم أعد المحاولة.
    [two] انتظر ثانيتين ثم أعد المحاولة.
    [few] انتظر { $n } ثوانٍ ثم أعد المحاولة.
   *[other] انتظر { $n } ثانية ثم أعد المحاولة.
}
next-wait-minutes = { $n ->
    [one] انتظر دقيقة واحدة ثم أعد المحاولة.
    [two] انتظر دقيقتين ثم أعد المحاولة.
    [few] انتظر { $n } دقائق ثم أعد المحاولة.
   *[other] انتظر { $n } دقيقة ثم أعد المحاولة.
}
next-rate-limited = انتظر دقيقة ثم أعد المحاولة، أو اطلب الإذن api-bypass-rate-limit.
next-invalid-input = الصقه مرة أخرى من دون مسافات أو فواصل أسطر.
next-network = تحقّق من عنوان الخادم ومن اتصالك، ثم أعد المحاولة.
next-likely-cors = افتح RC Device Manager من عنوان خادم Rocket.Chat نفسه، أو اجعل البوابة تمرّر ‎/api/ إلى Rocket.Chat؛ فعبر المصادر المختلفة لا يعمل إلا رمز وصول يتجاوز التحقق بخطوتين، وفقط حيث تسمح سياسة أمان المحتوى لهذه الصفحة بالاتصال بذلك الخادم.
next-timeout = أعد المحاولة؛ وإن تكرر ذلك فضيّق القائمة بمرشّح أو تحقّق من حِمل الخادم.
next-not-json-truncated = أعد المحاولة؛ وإن تكرر ذلك فربما يقطع وسيط أمام Rocket.Chat الردود.
next-not-json = تحقّق من أن عنوان الخادم يشير إلى Rocket.Chat وأنه لا يوجد وسيط أو صفحة دخول موحّد تجيب بدلًا منه.
next-bad-shape = تحقّق من أن عنوان الخادم يشير إلى Rocket.Chat 5 أو أحدث؛ فإن كان كذلك فأبلغ عن هذا مع إصدار الخادم.
next-server = أعد المحاولة بعد قليل؛ وإن استمر ذلك فراجع سجلات خادم Rocket.Chat.
next-cancelled = ابدأ من جديد حين تكون جاهزًا.
next-other = أعد المحاولة، أو اسأل مسؤول الخادم.

## سبب نقص الجلسات (api/outcome.rs)
disagree-claimed = { $n ->
    [one] لا يتطابق عدد الجلسات الذي أعلنه الخادم ({ $claimed }) مع الصفوف التي أرسلها: أرسل جلسة واحدة، وهي معروضة.
    [two] لا يتطابق عدد الجلسات الذي أعلنه الخادم ({ $claimed }) مع الصفوف التي أرسلها: أرسل جلستين، وكلتاهما معروضة.
    [few] لا يتطابق عدد الجلسات الذي أعلنه الخادم ({ $claimed }) مع الصفوف التي أرسلها: أرسل { $n } جلسات، وكلها معروضة.
   *[other] لا يتطابق عدد الجلسات الذي أعلنه الخادم ({ $claimed }) مع الصفوف التي أرسلها: أرسل { $n } جلسة، وكلها معروضة.
}
disagree-no-count = { $n ->
    [one] لم يرسل الخادم عددًا صالحًا للجلسات: الجلسة الوحيدة التي أرسلها معروضة.
    [two] لم يرسل الخادم عددًا صالحًا للجلسات: الجلستان اللتان أرسلهما معروضتان.
    [few] لم يرسل الخادم عددًا صالحًا للجلسات: كل الجلسات الـ{ $n } التي أرسلها معروضة.
   *[other] لم يرسل الخادم عددًا صالحًا للجلسات: كل الجلسات التي أرسلها ({ $n }) معروضة.
}
shortfall = { $n ->
    [one] تعذّر تحميل جلسة واحدة. أعد التحميل لتحاول مجددًا.
    [two] تعذّر تحميل جلستين. أعد التحميل لتحاول مجددًا.
    [few] تعذّر تحميل { $n } جلسات. أعد التحميل لتحاول مجددًا.
   *[other] تعذّر تحميل { $n } جلسة. أعد التحميل لتحاول مجددًا.
}
shortfall-because = { $n ->
    [one] تعذّر تحميل جلسة واحدة: { $reasons }. أعد التحميل لتحاول مجددًا.
    [two] تعذّر تحميل جلستين: { $reasons }. أعد التحميل لتحاول مجددًا.
    [few] تعذّر تحميل { $n } جلسات: { $reasons }. أعد التحميل لتحاول مجددًا.
   *[other] تعذّر تحميل { $n } جلسة: { $reasons }. أعد التحميل لتحاول مجددًا.
}
list-separator = {"؛ "}
reason-capped = توقف التحميل عند الحد { $cap }
reason-malformed = { $count ->
    [one] صف واحد من الخادم بلا مُعرّف جلسة
    [two] صفّان من الخادم بلا مُعرّف جلسة
    [few] { $count } صفوف من الخادم بلا مُعرّف جلسة
   *[other] { $count } صفًا من الخادم بلا مُعرّف جلسة
}
reason-pages-failed = { $pages ->
    [one] ظلّت صفحة واحدة تفشل ({ $error })
    [two] ظلّت صفحتان تفشلان ({ $error })
    [few] ظلّت { $pages } صفحات تفشل ({ $error })
   *[other] ظلّت { $pages } صفحة تفشل ({ $error })
}
reason-kept-shifting = ظلّت تسجيلات الدخول الجديدة تزحزح القائمة خلال { $rounds } جولات قراءة
reason-total-overcounts = يعدّ الخادم جلسات أكثر مما يعيده
reason-interrupted = توقف التحميل ({ $error })
reason-ceiling = يتوقف التحميل الواحد عند { $sessions } جلسة أو { $requests } طلب

## ملاحظات فوق الجدول (ui/words.rs، ui/state.rs، ui/control.rs)
two-notes = { $first } { $second }
showing-newest = تُعرض أحدث { $n } من أصل { $total } جلسة: توقف التحميل عند حد «الحد الأقصى للتحميل».
partial-of = جارٍ التحميل… { $n } من أصل { $total } — النتائج حتى الآن
partial = جارٍ التحميل… { $n } حتى الآن — النتائج حتى الآن
contacting = جارٍ الاتصال بالخادم…
progress-loaded = { $n ->
    [zero] لم تُحمَّل أي جلسة
    [one] حُمّلت جلسة واحدة
    [two] حُمّلت جلستان
    [few] حُمّلت { $n } جلسات
   *[other] حُمّلت { $n } جلسة
}
progress-again = حُمّلت { $n } من أصل { $total } جلسة (قراءة جديدة: نقلت تسجيلات الدخول الجديدة القائمة)
progress-of = حُمّلت { $n } من أصل { $total } جلسة
stopped-before-end = توقف التحميل قبل النهاية: تُعرض { $n } من أصل { $total } جلسة.
cancelled-partial = أُلغي التحميل؛ تُعرض الجلسات التي قُرئت حتى ذلك الحين.
cancelled-kept = أُلغي التحميل؛ ما زالت الجلسات المحمّلة سابقًا معروضة.
no-code-needed = لم يعد الرمز مطلوبًا؛ أجب بأي رمز أو ألغِ.
sign-out-unconfirmed = سُجّل الخروج هنا، لكن الخادم لم يؤكد انتهاء رمز الدخول: { $error }
signed-out = سُجّل الخروج. لا يُحفظ هنا شيء من تلك الجلسة.
own-session-ended = سجّلتَ خروج الجلسة التي كانت هذه الصفحة تستخدمها، لذا سُجّل خروجك هنا أيضًا. سجّل الدخول مجددًا للمتابعة.

## تقدّم التحميل (ui/progress.rs)
loading = جارٍ التحميل
loading-sessions = جارٍ تحميل الجلسات
cancel = إلغاء
slow-down-seconds = { $n ->
    [one] طلب الخادم الإبطاء (طلبات كثيرة جدًا): يتابع التحميل تلقائيًا بعد ثانية واحدة تقريبًا.
    [two] طلب الخادم الإبطاء (طلبات كثيرة جدًا): يتابع التحميل تلقائيًا بعد ثانيتين تقريبًا.
    [few] طلب الخادم الإبطاء (طلبات كثيرة جدًا): يتابع التحميل تلقائيًا بعد { $n } ثوانٍ تقريبًا.
   *[other] طلب الخادم الإبطاء (طلبات كثيرة جدًا): يتابع التحميل تلقائيًا بعد { $n } ثانية تقريبًا.
}
slow-down = طلب الخادم الإبطاء (طلبات كثيرة جدًا): يتابع التحميل تلقائيًا بعد توقف قصير.
spoken-contacting = التحميل: جارٍ الاتصال بالخادم
spoken-so-far = التحميل: { $n } جلسة حتى الآن
spoken-of = التحميل: { $n } من أصل { $total } جلسة
spoken-done = { $n ->
    [zero] اكتمل التحميل: لا جلسات.
    [one] اكتمل التحميل: جلسة واحدة.
    [two] اكتمل التحميل: جلستان.
    [few] اكتمل التحميل: { $n } جلسات.
   *[other] اكتمل التحميل: { $n } جلسة.
}
spoken-done-of = اكتمل التحميل: { $n } من أصل { $total } جلسة.

## طلب التحقق بخطوتين (ui/prompt.rs)
prompt-email-title = رمز التحقق بخطوتين عبر البريد الإلكتروني
prompt-email-label = الرمز من الرسالة
prompt-email-what = أدخل الرمز الذي أرسله إليك الخادم بالبريد الإلكتروني.
prompt-password-title = أكّد كلمة مرورك
prompt-password-label = كلمة مرور الحساب
prompt-password-what = ليس لهذا الحساب طريقة تحقق بخطوتين، لذا يطلب الخادم كلمة مروره بدلًا منها (تُرسل مُجزّأة).
prompt-totp-title = رمز التحقق بخطوتين
prompt-totp-label = الرمز من تطبيق المصادقة
prompt-totp-what = أدخل الرمز الحالي المكوّن من 6 أرقام من تطبيق المصادقة (أو رمزًا احتياطيًا من 8 أحرف).
prompt-mid-session = انتهت صلاحية تأكيد التحقق بخطوتين لهذه الجلسة لدى الخادم. تبقى الجلسات المحمّلة كما هي، ويتابع الطلب بمجرد أن تجيب.
prompt-code-sent = أُرسل الرمز إلى { $to }.
continue = متابعة
send-new-code = إرسال رمز جديد

## تسجيل الدخول (ui/sign_in.rs)
send-code-by-email = إرسال الرمز بالبريد الإلكتروني
remember-on-device = تذكّر الخادم ومُعرّف المستخدم على هذا الجهاز
load-sessions = تحميل الجلسات
use-token-instead = استخدم مُعرّف المستخدم ورمز المصادقة بدلًا من ذلك
use-password-instead = استخدم اسم المستخدم وكلمة المرور بدلًا من ذلك
server-url = عنوان الخادم
same-origin = المصدر نفسه
username-or-email = اسم المستخدم أو البريد الإلكتروني
password = كلمة المرور
user-id = مُعرّف المستخدم
auth-token = رمز المصادقة
two-fa-code = رمز التحقق بخطوتين
two-fa-code-help = اختياري: اتركه فارغًا مع رمز وصول شخصي يتجاوز التحقق بخطوتين، أو إذا أكّدت رمزًا هنا مؤخرًا. سيطلبه الخادم إن احتاج إليه.
advanced = خيارات متقدمة
server-filter = مرشّح الخادم
filter-help = يضيّق ما يُنزَّل. يطابق الخادم النص حرفيًا (لا كنمط) ومن دون تمييز حالة الأحرف مع اسم الجهاز ونوعه واسم نظام التشغيل ومُعرّف الجلسة ومُعرّف المستخدم، ومع جلسات المستخدمين الذين يحتوي اسم مستخدمهم أو اسمهم عليه. لا يبحث الخادم في عناوين IP والمضيفين والإصدارات والتواريخ؛ ابحث عنها في الجدول.
load-at-most = الحد الأقصى للتحميل
all-sessions = كل الجلسات
load-at-most-help = الأحدث أولًا؛ اتركه فارغًا لتحميل كل الجلسات.
email-asking = جارٍ طلب إرسال رمز بالبريد الإلكتروني من الخادم…
email-sent-to = أُرسل الرمز إلى { $to }. أدخله بوصفه رمز التحقق بخطوتين.
email-sent = أُرسل الرمز إلى بريدك الإلكتروني. أدخله بوصفه رمز التحقق بخطوتين.
email-still-valid-to = ما زال رمز أُرسل إلى { $to } قبل دقائق صالحًا؛ أدخله.
email-still-valid = ما زال رمز أُرسل إلى بريدك الإلكتروني قبل دقائق صالحًا؛ أدخله.
email-not-needed = لا حاجة إلى رمز الآن: هذا الرمز يتجاوز التحقق بخطوتين أو أُكّد به رمز مؤخرًا.

## شريط الأدوات (ui/workspace.rs، workspace/toolbar.rs، grid/query_error.rs)
devices = الأجهزة
search-bad-pattern = البحث ليس تعبيرًا نمطيًا صالحًا؛ صحّحه أو أوقف وضع التعبير النمطي. ما زال الجدول يعرض آخر بحث صالح.
search-too-big = نمط البحث أكبر من أن يُشغَّل هنا بأمان؛ استخدم نمطًا أقصر أو أبسط. ما زال الجدول يعرض آخر بحث صالح.
filters = المرشّحات
filters-count = المرشّحات ({ $n })
search = بحث
search-regex-placeholder = تعبير نمطي، مثل ^chrome 12\d
search-placeholder = أي عمود: العميل، المستخدم، IP، التاريخ…
regex = تعبير نمطي
view = العرض
mode-table = جدول
mode-overview = نظرة عامة
mode-groups = التجميع حسب المستخدم
export-csv = تصدير CSV
export-json = تصدير JSON

## Columns, device kinds, chips, relative times (grid/column.rs, grid/chip.rs, workspace/data.rs, workspace/when.rs)
col-client = العميل
col-version = الإصدار
col-os = نظام التشغيل
col-user = المستخدم
col-last-login = آخر تسجيل دخول
col-device-id = مُعرّف الجهاز
col-ip = عنوان IP
col-host = المضيف
col-user-id = مُعرّف المستخدم
field-device-type = نوع الجهاز
field-long-version = الإصدار الكامل
field-username = اسم المستخدم
login-with-age = { $time } ({ $age })
kind-browser = متصفح
kind-desktop-app = تطبيق سطح المكتب
kind-mobile-app = تطبيق الجوال
kind-mobile-or-tablet = جوال أو جهاز لوحي
kind-other = أخرى
none-value = (لا شيء)
chip-kind = نوع الجهاز: { $value }
chip-client = العميل: { $value }
chip-os = نظام التشغيل: { $value }
chip-user = المستخدم: { $value }
chip-from = تسجيل الدخول من: { $day }
chip-to = تسجيل الدخول حتى: { $day }
rel-now = الآن
rel-min-ago = منذ { $n } د
rel-min-in = بعد { $n } د
rel-h-ago = منذ { $n } س
rel-h-in = بعد { $n } س
rel-d-ago = { $n ->
    [one] منذ يوم
    [two] منذ يومين
    [few] منذ { $n } أيام
   *[other] منذ { $n } يومًا
}
rel-d-in = { $n ->
    [one] بعد يوم
    [two] بعد يومين
    [few] بعد { $n } أيام
   *[other] بعد { $n } يومًا
}
rel-mo-ago = { $n ->
    [one] منذ شهر
    [two] منذ شهرين
    [few] منذ { $n } أشهر
   *[other] منذ { $n } شهرًا
}
rel-mo-in = { $n ->
    [one] بعد شهر
    [two] بعد شهرين
    [few] بعد { $n } أشهر
   *[other] بعد { $n } شهرًا
}
rel-y-ago = { $n ->
    [one] منذ سنة
    [two] منذ سنتين
    [few] منذ { $n } سنوات
   *[other] منذ { $n } سنة
}
rel-y-in = { $n ->
    [one] بعد سنة
    [two] بعد سنتين
    [few] بعد { $n } سنوات
   *[other] بعد { $n } سنة
}

## Logout dialog, selection bar, details panel (workspace/confirm.rs, bulk.rs, details.rs)
logout-title = { $n ->
    [one] تسجيل خروج الجهاز
    [two] تسجيل خروج جهازين
    [few] تسجيل خروج { $n } أجهزة
   *[other] تسجيل خروج { $n } جهازًا
}
logout-text = سيُسجَّل خروج الجهاز من مساحة العمل وستنتهي الجلسة الحالية. سيتمكن المستخدم من تسجيل الدخول مجددًا بالجهاز نفسه.
logout-ok = تسجيل الخروج
logout-own-text = هذه هي الجلسة التي سجّلت بها هذه الصفحة الدخول؛ سيُسجَّل خروجك.
logout-own-ok = تسجيل الخروج وتسجيل خروجي أنا
logout-maybe-own-text = لا يذكر هذا الخادم الجلسة التي سجّلت بها هذه الصفحة الدخول (لا يفعل ذلك Rocket.Chat قبل الإصدار 8.7)، لذا قد تكون أيًّا من جلساتك. يُسجَّل خروجها في النهاية، وإن كانت إحداها جلسة هذه الصفحة فسيُسجَّل خروجك.
logout-maybe-own-ok = تسجيل الخروج حتى لو سُجّل خروجي
logging-out = جارٍ تسجيل الخروج…
done-of = { $n } من { $total }
logout-results = نتائج تسجيل الخروج
logout-summary = نجح { $ok }، وفشل { $failed }.
close = إغلاق
bulk-logout = { $n ->
    [one] تسجيل خروج جهاز واحد
    [two] تسجيل خروج جهازين
    [few] تسجيل خروج { $n } أجهزة
   *[other] تسجيل خروج { $n } جهازًا
}
selected-devices = الأجهزة المحددة
selected-count = { $n ->
    [one] جهاز واحد محدد
    [two] جهازان محددان
    [few] { $n } أجهزة محددة
   *[other] { $n } جهازًا محددًا
}
selected-partial = من الجلسات المقروءة حتى الآن؛ التحميل مستمر
clear-selection = إلغاء التحديد
details-refreshing = جارٍ التحديث…
details-up-to-date = محدَّث
details-refresh-failed = تعذّر التحديث: { $error }
try-again = حاول مجددًا
details-gone = لم يُعثر على الجلسة: هذا الجهاز لم يعد مسجّل الدخول.
remove-from-table = إزالة من الجدول
copied = نُسخ
copy-failed = فشل النسخ
copy = نسخ
copy-field = نسخ { $field }
copied-field = نُسخ { $field }
copy-refused = تعذّر نسخ { $field }؛ رفض المتصفح الوصول إلى الحافظة.
device-details = تفاصيل الجهاز
you = أنت
close-details = إغلاق التفاصيل
refresh-details = تحديث التفاصيل
log-out-device = تسجيل خروج الجهاز

## Pager and empty states (grid/page.rs, workspace/pager.rs, workspace/main_view.rs)
status-none = لا توجد جلسات
status-no-match = لا توجد جلسات مطابقة (بعد التصفية من { $total })
status-filtered = { $from }–{ $to } من { $matched } (بعد التصفية من { $total })
status-range = { $from }–{ $to } من { $matched }
count-match = { $n ->
    [zero] لا تطابق أي جلسة
    [one] تطابق جلسة واحدة
    [two] تطابق جلستان
    [few] تطابق { $n } جلسات
   *[other] تطابق { $n } جلسة
}
pages = الصفحات
rows-per-page = صفوف في الصفحة
first-page = الصفحة الأولى
previous-page = الصفحة السابقة
next-page = الصفحة التالية
last-page = الصفحة الأخيرة
page = الصفحة
page-of = من { $pages }
empty-none = لا توجد جلسات
empty-no-match = لا توجد جلسات مطابقة
clear-filters = مسح المرشّحات

## Filters and chips (workspace/filters.rs, workspace/chips.rs)
filters-in-effect = المرشّحات المطبّقة
remove-filter = إزالة المرشّح { $filter }
any = الكل
facet-option = { $value } ({ $n })
column-filters = مرشّحات الأعمدة
user-filter-placeholder = اسم المستخدم أو الاسم، ثم Enter
logged-in-from = تسجيل الدخول من
logged-in-to = تسجيل الدخول حتى

## Overview charts (workspace/charts.rs)
bar-name = { $n ->
    [one] { $label }: جلسة واحدة
    [two] { $label }: جلستان
    [few] { $label }: { $n } جلسات
   *[other] { $label }: { $n } جلسة
}
bar-name-cut = { $n ->
    [few] { $shown } { $n } جلسات ({ $label })
   *[other] { $shown } { $n } جلسة ({ $label })
}
logins-per-day = تسجيلات الدخول يوميًا
logins-per-week = تسجيلات الدخول أسبوعيًا
logins-per-days = تسجيلات الدخول لكل { $n } يوم
no-login-times = لا توجد أوقات تسجيل دخول.
day-range = { $from } – { $to }
day-bar-name = { $n ->
    [one] { $when }: تسجيل دخول واحد
    [two] { $when }: تسجيلا دخول
    [few] { $when }: { $n } تسجيلات دخول
   *[other] { $when }: { $n } تسجيل دخول
}
chart-clients = الجلسات حسب العميل
chart-oses = الجلسات حسب نظام التشغيل
chart-kinds = الجلسات حسب نوع الجهاز
other-clients = عملاء آخرون
other-systems = أنظمة أخرى
no-login-note = { $n ->
    [one] جلسة واحدة بلا وقت تسجيل دخول ليست في المخطط الزمني.
    [two] جلستان بلا وقت تسجيل دخول ليستا في المخطط الزمني.
    [few] { $n } جلسات بلا وقت تسجيل دخول ليست في المخطط الزمني.
   *[other] { $n } جلسة بلا وقت تسجيل دخول ليست في المخطط الزمني.
}

## Export, toasts, groups (workspace/export.rs, handlers.rs, state.rs, toast.rs, groups.rs)
export-file-csv = الأجهزة-{ $day }.csv
export-file-json = الأجهزة-{ $day }.json
download-refused = رفض المتصفح إنشاء الملف؛ حاول مجددًا.
download-no-document = لا يوجد مستند للتنزيل منه.
download-no-browser = يحتاج التنزيل إلى متصفح.
exported = { $n ->
    [one] صُدّر جهاز واحد إلى { $file }
    [two] صُدّر جهازان إلى { $file }
    [few] صُدّرت { $n } أجهزة إلى { $file }
   *[other] صُدّر { $n } جهازًا إلى { $file }
}
exported-partial = { $n ->
    [one] صُدّر جهاز واحد إلى { $file }: الجلسات المقروءة حتى الآن فقط، لأن التحميل ما زال جاريًا. صدّر مجددًا عند انتهائه للحصول على كل الجلسات.
   *[other] صُدّر { $n } جهاز إلى { $file }: الجلسات المقروءة حتى الآن فقط، لأن التحميل ما زال جاريًا. صدّر مجددًا عند انتهائه للحصول على كل الجلسات.
}
logged-out-toast = { $n ->
    [one] سُجّل خروج الجهاز
    [two] سُجّل خروج جهازين
    [few] سُجّل خروج { $n } أجهزة
   *[other] سُجّل خروج { $n } جهازًا
}
dismiss = تجاهل
unknown-user = (مستخدم غير معروف { $id })
name-and-username = { $name } ({ $username })
log-out-all-of = تسجيل خروج كل أجهزة { $who }
log-out-all = تسجيل خروج كل الأجهزة
sessions-by-user = الجلسات حسب المستخدم
user-count = { $n ->
    [zero] لا مستخدمين
    [one] مستخدم واحد
    [two] مستخدمان
    [few] { $n } مستخدمين
   *[other] { $n } مستخدمًا
}
show-more-users = { $n ->
    [one] عرض المزيد (مستخدم واحد آخر)
    [two] عرض المزيد (مستخدمان آخران)
    [few] عرض المزيد ({ $n } مستخدمين آخرين)
   *[other] عرض المزيد ({ $n } مستخدمًا آخر)
}

## The table (workspace/table.rs)
select-all = { $n ->
    [one] تحديد الجهاز المطابق الوحيد
    [two] تحديد الجهازين المطابقين
    [few] تحديد كل الأجهزة المطابقة ({ $n })
   *[other] تحديد كل الأجهزة المطابقة ({ $n })
}
select-all-partial = تحديد كل الأجهزة المطابقة المقروءة حتى الآن ({ $n })
sort-key-asc = مفتاح الفرز { $rank } من { $of }، تصاعديًا. انقر مع Shift لإضافة مفتاح ثانوي أو تغييره.
sort-key-desc = مفتاح الفرز { $rank } من { $of }، تنازليًا. انقر مع Shift لإضافة مفتاح ثانوي أو تغييره.
badge-current = جلستك: الجلسة التي سجّلت بها هذه الصفحة الدخول
badge-mine = إحدى جلساتك
select-device = تحديد الجهاز { $id }

## عنوان الصفحة المستقلة
page-title = إدارة الأجهزة · Rocket.Chat

## الملاحظات (workspace/findings*.rs، المعاينة، التقرير، سجل تسجيل الخروج، الجديد والمختفي)
fd-findings = الملاحظات
fd-findings-active = الملاحظات ({ $n })
fd-log = سجل تسجيل الخروج
fd-log-count = سجل تسجيل الخروج ({ $n })
fd-show = عرض
fd-show-label = عرض: { $finding }
fd-panel-note = كل ملاحظة عامل تصفية: «عرض» يضيفها كشريحة، مع البحث وعوامل التصفية الأخرى.
fd-sessions = { $n ->
    [zero] لا جلسات
    [one] جلسة واحدة
    [two] جلستان
    [few] { $n } جلسات
    [many] { $n } جلسة
   *[other] { $n } جلسة
}
fd-too-many-count = { $rows ->
    [zero] لا جلسات
    [one] جلسة واحدة
    [two] جلستان
    [few] { $rows } جلسات
    [many] { $rows } جلسة
   *[other] { $rows } جلسة
} لدى { $users ->
    [zero] لا مستخدمين
    [one] مستخدم واحد
    [two] مستخدمَين
    [few] { $users } مستخدمين
    [many] { $users } مستخدمًا
   *[other] { $users } مستخدم
}
fd-duplicates-count = { $rows ->
    [zero] لا جلسات
    [one] جلسة واحدة
    [two] جلستان
    [few] { $rows } جلسات
    [many] { $rows } جلسة
   *[other] { $rows } جلسة
} ({ $extra } زائدة عن الأحدث)
fd-untrusted-off = حدّد الشبكات الموثوقة أدناه لاستخدام هذه الملاحظة.
fd-outdated-off = حدّد الإصدارات الدنيا أدناه لاستخدام هذه الملاحظة.
fd-keep-newest-user = الإبقاء على أحدث { $n } لدى { $user } ({ $now }) وتسجيل خروج البقية
fd-keep-newest-all = { $users ->
    [one] الإبقاء على أحدث { $n } لدى هذا المستخدم وتسجيل خروج البقية
   *[other] الإبقاء على أحدث { $n } لدى كل واحد من هؤلاء المستخدمين ({ $users }) وتسجيل خروج البقية
}
fd-keep-newest-of-each = الإبقاء على الأحدث في كل مجموعة مكررة وتسجيل خروج الـ { $extra } الأخرى
fd-more-users = { $n ->
    [one] ومستخدم آخر
    [two] ومستخدمان آخران
    [few] و{ $n } مستخدمين آخرين
    [many] و{ $n } مستخدمًا آخر
   *[other] و{ $n } مستخدم آخر
}
fd-nothing-to-end = لا شيء لتسجيل خروجه: لا يملك أي مستخدم أكثر من ذلك.
fd-settings = الإعدادات
fd-stale-days = خاملة بعد (أيام)
fd-max-per-user = كثيرة جدًا: جلسات أكثر من
fd-min-versions = الإصدارات الدنيا
fd-min-versions-hint = واحد في كل سطر: عميل وإصداره، مثل desktop-app 4.0.0 أو mobile-app 4.44.0 أو Chrome 120.
fd-networks = الشبكات الموثوقة
fd-networks-hint = واحدة في كل سطر: نطاق وتسميته، مثل 10.0.0.0/8 المكتب أو ⁦2001:db8::/32 VPN⁩.
fd-apply = تطبيق
fd-export-settings = تصدير الإعدادات
fd-import-settings = استيراد الإعدادات
fd-settings-file = rcdm-findings-settings.json
fd-number-error = استخدم عددًا صحيحًا من { $min } إلى { $max }.
fd-settings-imported = تم استيراد إعدادات الملاحظات.
fd-settings-exported = تم تصدير إعدادات الملاحظات.
fd-file-unreadable = تعذّر على المتصفح قراءة هذا الملف.
fd-embed-refused = لم تُستخدم إعدادات الملاحظات التي قدّمتها الصفحة: { $why }
fd-network = الشبكة
fd-no-network = (ليست ضمن الشبكات الموثوقة)
fd-preview-users = لكل مستخدم
fd-preview-clients = لكل عميل
fd-preview-first = الجلسات الأولى
fd-preview-own = { $n ->
    [one] جلسة واحدة من هذه الجلسات لك.
    [two] جلستان من هذه الجلسات لك.
    [few] { $n } جلسات من هذه الجلسات لك.
   *[other] { $n } جلسة من هذه الجلسات لك.
}
fd-more-sessions = { $n ->
    [one] وجلسة أخرى
    [two] وجلستان أخريان
    [few] و{ $n } جلسات أخرى
   *[other] و{ $n } جلسة أخرى
}
fd-more-groups = و{ $n } أخرى
fd-report-summary = انتهت: { $ended }، منتهية مسبقًا: { $gone }، مرفوضة: { $refused }.
fd-retry-failures = إعادة محاولة الإخفاقات
fd-verify-running = جارٍ التحقق: إعادة قراءة جلسات هؤلاء المستخدمين…
fd-verify-ok = تم التحقق: لا توجد جلسة منتهية لا تزال مسجّلة الدخول.
fd-verify-survivors = { $n ->
    [one] جلسة واحدة لا تزال مسجّلة الدخول بعد أن قال الخادم إنها انتهت: لم يُنهها الخادم.
    [two] جلستان لا تزالان مسجّلتَي الدخول بعد أن قال الخادم إنهما انتهتا: لم يُنههما الخادم.
   *[other] { $n } جلسات لا تزال مسجّلة الدخول بعد أن قال الخادم إنها انتهت: لم يُنهها الخادم.
}
fd-verify-failed = تعذّر التحقق: { $why }
fd-survived = لا تزال مسجّلة الدخول
fd-log-empty = لم يُسجَّل أي خروج من هذه الصفحة بعد.
fd-log-note = محفوظ في ذاكرة هذه الصفحة فقط؛ لا يحتوي على كلمة مرور أو رمز.
fd-log-when = متى
fd-log-whose = لمن
fd-log-session = الجلسة
fd-log-client = العميل
fd-log-ip = IP
fd-log-result = النتيجة
fd-log-exported = { $n ->
    [one] تم تصدير تسجيل خروج واحد إلى { $file }
    [two] تم تصدير تسجيلَي خروج إلى { $file }
   *[other] تم تصدير { $n } من عمليات تسجيل الخروج إلى { $file }
}
fd-outcome-ended = انتهت
fd-outcome-gone = منتهية مسبقًا
fd-outcome-refused = مرفوضة
fd-new = جديدة
fd-new-title = جديدة منذ آخر تحميل
fd-gone = اختفت منذ آخر تحميل
fd-gone-none = لم تختفِ أي جلسة منذ فتح هذه الصفحة.
fd-label-stale = { $days ->
    [one] خاملة: آخر تسجيل دخول قبل أكثر من يوم
    [two] خاملة: آخر تسجيل دخول قبل أكثر من يومين
    [few] خاملة: آخر تسجيل دخول قبل أكثر من { $days } أيام
   *[other] خاملة: آخر تسجيل دخول قبل أكثر من { $days } يومًا
}
fd-label-many = كثيرة جدًا: مستخدمون لديهم أكثر من { $max } جلسة
fd-label-dup = مكررة: المستخدم والعميل ونظام التشغيل وعنوان IP نفسها
fd-label-orphan = يتيمة: المستخدم لم يعد موجودًا
fd-label-outdated = قديمة: العميل دون إصداره الأدنى
fd-label-untrusted = خارج الشبكات الموثوقة

# The findings settings' own errors (grid/findings): a line of the form, a settings file, a link.
# An IPv6 example in a sentence sits between LRI and PDI (invisible), or it breaks apart in
# right-to-left text (2001:db8::/32 showed as db8::/32:2001); variables are isolated already.
fd-line = السطر { $line }:
fd-net-label-too-long = تسمية { $net } طويلة جدًا: الحد الأقصى لعدد أحرفها { $max }.
fd-net-label-control = تسمية { $net } تحتوي على حرف تحكّم.
fd-net-not-range = «{ $text }» ليس نطاق IP: اكتبه بصيغة 10.0.0.0/8 أو ⁦2001:db8::/32⁩.
fd-net-not-prefix = «{ $prefix }» ليس طول بادئة: اكتب بعد الشرطة المائلة عددًا مثل 24.
fd-net-prefix-too-long = «{ $text }»: أقصى طول لبادئة { $family } هو { $max }.
fd-net-host-bits = في «{ $text }» بتات مضبوطة بعد البادئة: هل تقصد { $fixed }؟
fd-net-too-many = الحد الأقصى لعدد الشبكات الموثوقة { $max }.
fd-ver-no-client = سمِّ عميلًا: desktop-app أو mobile-app أو متصفحًا مثل Chrome.
fd-ver-bad-name = «{ $client }» ليس اسم عميل (الحد الأقصى لعدد الأحرف { $max }، دون أحرف تحكّم).
fd-ver-bad-version = «{ $version }» ليس إصدارًا لـ { $client }: اكتب عددًا مثل 120 أو 4.44.2.
fd-ver-too-many = الحد الأقصى لعدد الإصدارات الدنيا التي يمكن ضبطها { $max }.
fd-file-too-large = هذا الملف أكبر من أن يكون ملف إعدادات (أكثر من { $kb } كيلوبايت).
fd-file-not-object = هذا ليس ملف إعدادات: يجب أن يكون كائن JSON واحدًا.
fd-file-not-settings = هذا ليس ملف إعدادات: { $detail }.
fd-file-bad-number = قيمة { $key } هي { $value }: يجب أن تكون عددًا صحيحًا من 1 إلى { $max }.
fd-file-min-version = في minVersions: { $why }
fd-file-same-client = يذكر minVersions العميل نفسه مرتين (تُقارن الأسماء دون تمييز حالة الأحرف).
fd-file-one-per-entry = في trustedNetworks: اكتب شبكة واحدة في كل مدخل.
fd-file-network = المدخل { $entry } من trustedNetworks: { $why }
fd-link-unknown = «{ $key }» ليس ملاحظة.
fd-link-bad-number = { $pair } غير صالح: استخدم عددًا صحيحًا من { $min } إلى { $max }.
fd-link-not-one = { $pair } غير صالح: استخدم { $fix }.
