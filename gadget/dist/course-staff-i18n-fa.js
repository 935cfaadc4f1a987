// <nowiki>
/**
 * Course staff gadget 1.0.0: its messages in fa, loaded by course-staff-main.js for readers whose language is or falls back to fa.
 * Built from the outreach-dashboard-helper repository (gadget/src, gadget/i18n) by `npm run build:gadget`.
 * Do not edit this page: change the source there; the next deploy overwrites this page.
 * Installation, configuration and privacy: GADGET.md in that repository.
 * A correction: gadget/i18n/fa.json there, or on this wiki MediaWiki:Gadget-course-staff-messages.json (GADGET.md, "Languages").
 */
( mw.libs.courseStaffMessages = mw.libs.courseStaffMessages || {} )[ "fa" ] = {
	"coursestaff-tab": "تیم دوره",
	"coursestaff-tab-tooltip": "تیم دوره‌های فعال این کاربر در پیشخوان‌ها",
	"coursestaff-heading": "تیم دوره‌های $1",
	"coursestaff-summary": "$1 دورهٔ فعال، $2 عضو تیم",
	"coursestaff-unreachable": "دسترسی به $1 ممکن نشد، پس شاید برخی از دوره‌های آنجا نمایش داده نشوند. یک دقیقهٔ دیگر دوباره تلاش کنید.",
	"coursestaff-close": "بستن",
	"coursestaff-dashboard-outreach": "پیشخوان برنامه‌ها و رویدادها",
	"coursestaff-dashboard-wikiedu": "پیشخوان ویکی‌آموزش",
	"coursestaff-school": "مؤسسه",
	"coursestaff-term": "بازهٔ زمانی",
	"coursestaff-role": "نقش در این دوره",
	"coursestaff-event-dates": "تاریخ‌های رویداد",
	"coursestaff-tracking-dates": "تاریخ‌های پیگیری",
	"coursestaff-date-range": "$1 – $2",
	"coursestaff-date-unknown": "تعیین نشده",
	"coursestaff-staff": "تیم",
	"coursestaff-no-staff": "هیچ عضوی برای تیم ثبت نشده است.",
	"coursestaff-talk-tooltip": "صفحهٔ بحث $1",
	"coursestaff-profile": "نمایهٔ $1 در $2",
	"coursestaff-copy": "کپی اشاره",
	"coursestaff-copy-tooltip": "کپی الگوی $1 با اشاره به همهٔ اعضای تیم",
	"coursestaff-copied": "اشاره به $1 کاربر کپی شد.",
	"coursestaff-copy-split": "بیش از $1 نام: اشاره به $2 الگو تقسیم شده است. هر کدام را در یک ویرایش امضاشدهٔ جداگانه منتشر کنید، زیرا ویرایشی که به بیش از $1 کاربر اشاره کند برای هیچ‌کس اعلانی نمی‌فرستد.",
	"coursestaff-copy-fallback": "کپی کردن در اینجا ممکن نیست: متن زیر را انتخاب و کپی کنید.",
	"coursestaff-copy-field": "متن اشاره",
	"coursestaff-badge-one": "$1، دورهٔ کنونی: $2",
	"coursestaff-badge-many": "$1، $2 دورهٔ کنونی",
	"coursestaff-card-heading": "دوره‌های کنونی $1",
	"coursestaff-role-outreach-0": "شرکت‌کننده",
	"coursestaff-role-wikiedu-0": "دانشجو",
	"coursestaff-role-outreach-1": "تسهیل‌گر",
	"coursestaff-role-wikiedu-1": "استاد",
	"coursestaff-role-2": "داوطلب دانشگاهی",
	"coursestaff-role-3": "داوطلب برخط",
	"coursestaff-role-4": "کارمند ویکی‌آموزش"
};
// </nowiki>
