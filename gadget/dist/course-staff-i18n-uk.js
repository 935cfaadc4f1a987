// <nowiki>
/**
 * Course staff gadget 1.0.0: its messages in uk, loaded by course-staff-main.js for readers whose language is or falls back to uk.
 * Built from the outreach-dashboard-helper repository (gadget/src, gadget/i18n) by `npm run build:gadget`.
 * Do not edit this page: change the source there; the next deploy overwrites this page.
 * Installation, configuration and privacy: GADGET.md in that repository.
 * A correction: gadget/i18n/uk.json there, or on this wiki MediaWiki:Gadget-course-staff-messages.json (GADGET.md, "Languages").
 */
( mw.libs.courseStaffMessages = mw.libs.courseStaffMessages || {} )[ "uk" ] = {
	"coursestaff-tab": "Команда курсу",
	"coursestaff-tab-tooltip": "Команда активних курсів цього користувача на платформах Dashboard",
	"coursestaff-heading": "Команда курсів користувача $1",
	"coursestaff-summary": "\u007B\u007BPLURAL:$1|$1 активний курс|$1 активні курси|$1 активних курсів\u007D\u007D, \u007B\u007BPLURAL:$2|$2 член команди|$2 члени команди|$2 членів команди\u007D\u007D",
	"coursestaff-unreachable": "Не вдалося зв’язатися з сервісом $1, тому курси звідти можуть бути відсутні. Спробуйте ще раз за хвилину.",
	"coursestaff-close": "Закрити",
	"coursestaff-dashboard-outreach": "Programs & Events Dashboard",
	"coursestaff-dashboard-wikiedu": "Wiki Education Dashboard",
	"coursestaff-school": "Установа",
	"coursestaff-term": "Період",
	"coursestaff-role": "Роль у цьому курсі",
	"coursestaff-event-dates": "Дати заходу",
	"coursestaff-tracking-dates": "Період відстеження",
	"coursestaff-date-range": "$1 – $2",
	"coursestaff-date-unknown": "не вказано",
	"coursestaff-staff": "Команда",
	"coursestaff-no-staff": "Команду не вказано.",
	"coursestaff-talk-tooltip": "Сторінка обговорення користувача $1",
	"coursestaff-profile": "Профіль користувача $1 у сервісі $2",
	"coursestaff-copy": "Копіювати пінг",
	"coursestaff-copy-tooltip": "Скопіювати шаблон $1 зі згадкою всіх членів команди",
	"coursestaff-copied": "\u007B\u007BPLURAL:$1|Скопійовано пінг для $1 користувача.|Скопійовано пінг для $1 користувачів.|Скопійовано пінг для $1 користувачів.\u007D\u007D",
	"coursestaff-copy-split": "Понад $1 імен: пінг розділено на $2 \u007B\u007BPLURAL:$2|шаблон|шаблони|шаблонів\u007D\u007D. Опублікуйте кожен в окремому підписаному редагуванні, бо редагування зі згадкою понад $1 користувачів нікого не сповіщає.",
	"coursestaff-copy-fallback": "Копіювання тут недоступне: виділіть текст нижче та скопіюйте його.",
	"coursestaff-copy-field": "Текст пінгу",
	"coursestaff-badge-one": "$1, поточний курс: $2",
	"coursestaff-badge-many": "$1, \u007B\u007BPLURAL:$2|$2 поточний курс|$2 поточні курси|$2 поточних курсів\u007D\u007D",
	"coursestaff-card-heading": "Поточні курси користувача $1",
	"coursestaff-role-outreach-0": "Учасник",
	"coursestaff-role-wikiedu-0": "Студент",
	"coursestaff-role-outreach-1": "Фасилітатор",
	"coursestaff-role-wikiedu-1": "Викладач",
	"coursestaff-role-2": "Доброволець у кампусі",
	"coursestaff-role-3": "Онлайн-доброволець",
	"coursestaff-role-4": "Співробітник Wiki Education"
};
// </nowiki>
