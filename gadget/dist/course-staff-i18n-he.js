// <nowiki>
/**
 * Course staff gadget 1.0.0: its messages in he, loaded by course-staff-main.js for readers whose language is or falls back to he.
 * Built from the outreach-dashboard-helper repository (gadget/src, gadget/i18n) by `npm run build:gadget`.
 * Do not edit this page: change the source there; the next deploy overwrites this page.
 * Installation, configuration and privacy: GADGET.md in that repository.
 * A correction: gadget/i18n/he.json there, or on this wiki MediaWiki:Gadget-course-staff-messages.json (GADGET.md, "Languages").
 */
( mw.libs.courseStaffMessages = mw.libs.courseStaffMessages || {} )[ "he" ] = {
	"coursestaff-tab": "צוות הקורס",
	"coursestaff-tab-tooltip": "צוות הקורסים הפעילים של חשבון זה בלוחות הבקרה",
	"coursestaff-heading": "צוות הקורסים של $1",
	"coursestaff-summary": "\u007B\u007BPLURAL:$1|קורס פעיל אחד|שני קורסים פעילים|$1 קורסים פעילים\u007D\u007D, \u007B\u007BPLURAL:$2|חבר צוות אחד|שני חברי צוות|$2 חברי צוות\u007D\u007D",
	"coursestaff-unreachable": "לא ניתן היה להתחבר אל $1, ולכן ייתכן שחסרים קורסים משם. נסו שוב בעוד דקה.",
	"coursestaff-close": "סגירה",
	"coursestaff-dashboard-outreach": "לוח הבקרה של תוכניות ואירועים",
	"coursestaff-dashboard-wikiedu": "לוח הבקרה של ויקי השכלה",
	"coursestaff-school": "מוסד",
	"coursestaff-term": "תקופה",
	"coursestaff-role": "תפקיד בקורס זה",
	"coursestaff-event-dates": "תאריכי האירוע",
	"coursestaff-tracking-dates": "תאריכי המעקב",
	"coursestaff-date-range": "$1 – $2",
	"coursestaff-date-unknown": "לא נקבע",
	"coursestaff-staff": "צוות",
	"coursestaff-no-staff": "לא רשומים חברי צוות.",
	"coursestaff-talk-tooltip": "דף השיחה של $1",
	"coursestaff-profile": "הפרופיל של $1 ב־$2",
	"coursestaff-copy": "העתקת תיוג",
	"coursestaff-copy-tooltip": "העתקת תבנית $1 שמתייגת את כל חברי הצוות",
	"coursestaff-copied": "\u007B\u007BPLURAL:$1|הועתק תיוג של משתמש אחד.|הועתק תיוג של שני משתמשים.|הועתק תיוג של $1 משתמשים.\u007D\u007D",
	"coursestaff-copy-split": "יותר מ־$1 שמות: התיוג פוצל ל\u007B\u007BPLURAL:$2|תבנית אחת|שתי תבניות|־$2 תבניות\u007D\u007D. יש לפרסם כל אחת בעריכה חתומה נפרדת, כי עריכה שמתייגת יותר מ־$1 משתמשים לא שולחת התראה לאף אחד.",
	"coursestaff-copy-fallback": "ההעתקה אינה זמינה כאן: יש לסמן את הטקסט שלהלן ולהעתיק אותו.",
	"coursestaff-copy-field": "טקסט התיוג",
	"coursestaff-badge-one": "$1, קורס נוכחי: $2",
	"coursestaff-badge-many": "$1, \u007B\u007BPLURAL:$2|קורס נוכחי אחד|שני קורסים נוכחיים|$2 קורסים נוכחיים\u007D\u007D",
	"coursestaff-card-heading": "הקורסים הנוכחיים של $1",
	"coursestaff-role-outreach-0": "משתתף/ת",
	"coursestaff-role-wikiedu-0": "סטודנט/ית",
	"coursestaff-role-outreach-1": "מנחה",
	"coursestaff-role-wikiedu-1": "מרצה",
	"coursestaff-role-2": "מתנדב/ת בקמפוס",
	"coursestaff-role-3": "מתנדב/ת מקוון/ת",
	"coursestaff-role-4": "סגל ויקי השכלה"
};
// </nowiki>
