// <nowiki>
/**
 * Course staff gadget 1.0.0: its messages in ru, loaded by course-staff-main.js for readers whose language is or falls back to ru.
 * Built from the outreach-dashboard-helper repository (gadget/src, gadget/i18n) by `npm run build:gadget`.
 * Do not edit this page: change the source there; the next deploy overwrites this page.
 * Installation, configuration and privacy: GADGET.md in that repository.
 * A correction: gadget/i18n/ru.json there, or on this wiki MediaWiki:Gadget-course-staff-messages.json (GADGET.md, "Languages").
 */
( mw.libs.courseStaffMessages = mw.libs.courseStaffMessages || {} )[ "ru" ] = {
	"coursestaff-tab": "Команда курса",
	"coursestaff-tab-tooltip": "Команда активных курсов этого участника на платформах Dashboard",
	"coursestaff-heading": "Команда курсов участника $1",
	"coursestaff-summary": "\u007B\u007BPLURAL:$1|$1 активный курс|$1 активных курса|$1 активных курсов\u007D\u007D, \u007B\u007BPLURAL:$2|$2 член команды|$2 члена команды|$2 членов команды\u007D\u007D",
	"coursestaff-unreachable": "Не удалось связаться с сервисом $1, поэтому курсы оттуда могут отсутствовать. Попробуйте ещё раз через минуту.",
	"coursestaff-close": "Закрыть",
	"coursestaff-dashboard-outreach": "Programs & Events Dashboard",
	"coursestaff-dashboard-wikiedu": "Wiki Education Dashboard",
	"coursestaff-school": "Учреждение",
	"coursestaff-term": "Период",
	"coursestaff-role": "Роль в этом курсе",
	"coursestaff-event-dates": "Даты мероприятия",
	"coursestaff-tracking-dates": "Период учёта",
	"coursestaff-date-range": "$1 – $2",
	"coursestaff-date-unknown": "не указано",
	"coursestaff-staff": "Команда",
	"coursestaff-no-staff": "Команда не указана.",
	"coursestaff-talk-tooltip": "Страница обсуждения участника $1",
	"coursestaff-profile": "Профиль участника $1 в сервисе $2",
	"coursestaff-copy": "Копировать пинг",
	"coursestaff-copy-tooltip": "Скопировать шаблон $1 с упоминанием всех членов команды",
	"coursestaff-copied": "\u007B\u007BPLURAL:$1|Скопирован пинг для $1 участника.|Скопирован пинг для $1 участников.|Скопирован пинг для $1 участников.\u007D\u007D",
	"coursestaff-copy-split": "Больше $1 имён: пинг разделён на $2 \u007B\u007BPLURAL:$2|шаблон|шаблона|шаблонов\u007D\u007D. Опубликуйте каждый в отдельной подписанной правке, потому что правка с упоминанием более $1 участников никого не уведомляет.",
	"coursestaff-copy-fallback": "Копирование здесь недоступно: выделите текст ниже и скопируйте его.",
	"coursestaff-copy-field": "Текст пинга",
	"coursestaff-badge-one": "$1, текущий курс: $2",
	"coursestaff-badge-many": "$1, \u007B\u007BPLURAL:$2|$2 текущий курс|$2 текущих курса|$2 текущих курсов\u007D\u007D",
	"coursestaff-card-heading": "Текущие курсы участника $1",
	"coursestaff-role-outreach-0": "Участник",
	"coursestaff-role-wikiedu-0": "Студент",
	"coursestaff-role-outreach-1": "Организатор",
	"coursestaff-role-wikiedu-1": "Преподаватель",
	"coursestaff-role-2": "Волонтёр в кампусе",
	"coursestaff-role-3": "Онлайн-волонтёр",
	"coursestaff-role-4": "Сотрудник Wiki Education"
};
// </nowiki>
