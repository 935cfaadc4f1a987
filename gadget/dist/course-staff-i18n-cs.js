// <nowiki>
/**
 * Course staff gadget 1.0.0: its messages in cs, loaded by course-staff-main.js for readers whose language is or falls back to cs.
 * Built from the outreach-dashboard-helper repository (gadget/src, gadget/i18n) by `npm run build:gadget`.
 * Do not edit this page: change the source there; the next deploy overwrites this page.
 * Installation, configuration and privacy: GADGET.md in that repository.
 * A correction: gadget/i18n/cs.json there, or on this wiki MediaWiki:Gadget-course-staff-messages.json (GADGET.md, "Languages").
 */
( mw.libs.courseStaffMessages = mw.libs.courseStaffMessages || {} )[ "cs" ] = {
	"coursestaff-tab": "Tým kurzu",
	"coursestaff-tab-tooltip": "Tým aktivních kurzů tohoto uživatele na Dashboardech",
	"coursestaff-heading": "Tým kurzů uživatele $1",
	"coursestaff-summary": "\u007B\u007BPLURAL:$1|$1 aktivní kurz|$1 aktivní kurzy|$1 aktivních kurzů\u007D\u007D, \u007B\u007BPLURAL:$2|$2 člen týmu|$2 členové týmu|$2 členů týmu\u007D\u007D",
	"coursestaff-unreachable": "Službu $1 se nepodařilo kontaktovat, kurzy z ní proto mohou chybět. Zkuste to znovu za minutu.",
	"coursestaff-close": "Zavřít",
	"coursestaff-dashboard-outreach": "Programs & Events Dashboard",
	"coursestaff-dashboard-wikiedu": "Wiki Education Dashboard",
	"coursestaff-school": "Instituce",
	"coursestaff-term": "Období",
	"coursestaff-role": "Role v tomto kurzu",
	"coursestaff-event-dates": "Termín akce",
	"coursestaff-tracking-dates": "Období sledování",
	"coursestaff-date-range": "$1 – $2",
	"coursestaff-date-unknown": "neuvedeno",
	"coursestaff-staff": "Tým",
	"coursestaff-no-staff": "Není uveden žádný člen týmu.",
	"coursestaff-talk-tooltip": "Diskusní stránka uživatele $1",
	"coursestaff-profile": "Profil uživatele $1 ($2)",
	"coursestaff-copy": "Kopírovat ping",
	"coursestaff-copy-tooltip": "Zkopírovat šablonu $1 zmiňující všechny členy týmu",
	"coursestaff-copied": "\u007B\u007BPLURAL:$1|Ping pro $1 uživatele zkopírován.|Ping pro $1 uživatele zkopírován.|Ping pro $1 uživatelů zkopírován.\u007D\u007D",
	"coursestaff-copy-split": "Více než $1 jmen: ping je rozdělen do $2 šablon. Každou vložte v samostatné podepsané editaci, protože editace, která zmiňuje více než $1 uživatelů, nikoho neupozorní.",
	"coursestaff-copy-fallback": "Kopírování zde není k dispozici: označte text níže a zkopírujte ho.",
	"coursestaff-copy-field": "Text pingu",
	"coursestaff-badge-one": "$1, aktuální kurz: $2",
	"coursestaff-badge-many": "$1, \u007B\u007BPLURAL:$2|$2 aktuální kurz|$2 aktuální kurzy|$2 aktuálních kurzů\u007D\u007D",
	"coursestaff-card-heading": "Aktuální kurzy uživatele $1",
	"coursestaff-role-outreach-0": "Účastník",
	"coursestaff-role-wikiedu-0": "Student",
	"coursestaff-role-outreach-1": "Organizátor",
	"coursestaff-role-wikiedu-1": "Vyučující",
	"coursestaff-role-2": "Dobrovolník na kampusu",
	"coursestaff-role-3": "Online dobrovolník",
	"coursestaff-role-4": "Tým Wiki Education"
};
// </nowiki>
