// <nowiki>
/**
 * Course staff gadget 1.0.0: its messages in ar, loaded by course-staff-main.js for readers whose language is or falls back to ar.
 * Built from the outreach-dashboard-helper repository (gadget/src, gadget/i18n) by `npm run build:gadget`.
 * Do not edit this page: change the source there; the next deploy overwrites this page.
 * Installation, configuration and privacy: GADGET.md in that repository.
 * A correction: gadget/i18n/ar.json there, or on this wiki MediaWiki:Gadget-course-staff-messages.json (GADGET.md, "Languages").
 */
( mw.libs.courseStaffMessages = mw.libs.courseStaffMessages || {} )[ "ar" ] = {
	"coursestaff-tab": "فريق الدورة",
	"coursestaff-tab-tooltip": "فريق عمل الدورات النشطة لهذا المستخدم",
	"coursestaff-heading": "فريق دورات $1",
	"coursestaff-summary": "\u007B\u007BPLURAL:$1|لا دورات نشطة|دورة نشطة واحدة|دورتان نشطتان|$1 دورات نشطة|$1 دورة نشطة|$1 دورة نشطة\u007D\u007D، \u007B\u007BPLURAL:$2|لا أعضاء في الفريق|عضو واحد في الفريق|عضوان في الفريق|$2 أعضاء في الفريق|$2 عضوًا في الفريق|$2 عضو في الفريق\u007D\u007D",
	"coursestaff-unreachable": "تعذّر الوصول إلى $1، لذا قد تنقص بعض الدورات المسجلة هناك. حاول مرة أخرى بعد دقيقة.",
	"coursestaff-close": "إغلاق",
	"coursestaff-dashboard-outreach": "لوحة البرامج والفعاليات",
	"coursestaff-dashboard-wikiedu": "لوحة ويكي التعليم",
	"coursestaff-school": "المؤسسة",
	"coursestaff-term": "الفترة",
	"coursestaff-role": "الدور في هذه الدورة",
	"coursestaff-event-dates": "تواريخ الفعالية",
	"coursestaff-tracking-dates": "تواريخ التتبع",
	"coursestaff-date-range": "$1 – $2",
	"coursestaff-date-unknown": "غير محدد",
	"coursestaff-staff": "الفريق",
	"coursestaff-no-staff": "لا يوجد أعضاء مدرجون في الفريق.",
	"coursestaff-talk-tooltip": "صفحة نقاش $1",
	"coursestaff-profile": "ملف $1 الشخصي على $2",
	"coursestaff-copy": "نسخ الإشارة",
	"coursestaff-copy-tooltip": "نسخ قالب $1 يشير إلى جميع أعضاء الفريق",
	"coursestaff-copied": "\u007B\u007BPLURAL:$1|لم تُنسخ أي إشارة.|نُسخت إشارة إلى مستخدم واحد.|نُسخت إشارة إلى مستخدمَين.|نُسخت إشارة إلى $1 مستخدمين.|نُسخت إشارة إلى $1 مستخدمًا.|نُسخت إشارة إلى $1 مستخدم.\u007D\u007D",
	"coursestaff-copy-split": "أكثر من \u007B\u007BPLURAL:$1|$1 اسم|اسم واحد|اسمين|$1 أسماء|$1 اسمًا|$1 اسم\u007D\u007D: قُسّمت الإشارة إلى \u007B\u007BPLURAL:$2|$2 قوالب|قالب واحد|قالبين|$2 قوالب|$2 قالبًا|$2 قالب\u007D\u007D. انشر كل قالب في تعديل موقّع منفصل، لأن التعديل الذي يشير إلى أكثر من \u007B\u007BPLURAL:$1|$1 مستخدم|مستخدم واحد|مستخدمَين|$1 مستخدمين|$1 مستخدمًا|$1 مستخدم\u007D\u007D لا يرسل أي إشعار.",
	"coursestaff-copy-fallback": "النسخ غير متاح هنا: حدّد النص أدناه وانسخه.",
	"coursestaff-copy-field": "نص الإشارة",
	"coursestaff-badge-one": "$1، الدورة الحالية: $2",
	"coursestaff-badge-many": "$1، \u007B\u007BPLURAL:$2|لا دورات حالية|دورة حالية واحدة|دورتان حاليتان|$2 دورات حالية|$2 دورة حالية|$2 دورة حالية\u007D\u007D",
	"coursestaff-card-heading": "دورات $1 الحالية",
	"coursestaff-role-outreach-0": "مشارك",
	"coursestaff-role-wikiedu-0": "طالب",
	"coursestaff-role-outreach-1": "ميسّر",
	"coursestaff-role-wikiedu-1": "مدرّس",
	"coursestaff-role-2": "متطوع في الحرم الجامعي",
	"coursestaff-role-3": "متطوع عبر الإنترنت",
	"coursestaff-role-4": "موظف في ويكي التعليم"
};
// </nowiki>
