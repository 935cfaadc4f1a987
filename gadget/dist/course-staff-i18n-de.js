// <nowiki>
/**
 * Course staff gadget 1.0.0: its messages in de, loaded by course-staff-main.js for readers whose language is or falls back to de.
 * Built from the outreach-dashboard-helper repository (gadget/src, gadget/i18n) by `npm run build:gadget`.
 * Do not edit this page: change the source there; the next deploy overwrites this page.
 * Installation, configuration and privacy: GADGET.md in that repository.
 * A correction: gadget/i18n/de.json there, or on this wiki MediaWiki:Gadget-course-staff-messages.json (GADGET.md, "Languages").
 */
( mw.libs.courseStaffMessages = mw.libs.courseStaffMessages || {} )[ "de" ] = {
	"coursestaff-tab": "Kursteam",
	"coursestaff-tab-tooltip": "Team der aktiven Dashboard-Kurse dieses Benutzers",
	"coursestaff-heading": "Kursteam von $1",
	"coursestaff-summary": "\u007B\u007BPLURAL:$1|$1 aktiver Kurs|$1 aktive Kurse\u007D\u007D, \u007B\u007BPLURAL:$2|$2 Teammitglied|$2 Teammitglieder\u007D\u007D",
	"coursestaff-unreachable": "Das $1 war nicht erreichbar, daher fehlen dort geführte Kurse womöglich. Bitte in einer Minute erneut versuchen.",
	"coursestaff-close": "Schließen",
	"coursestaff-dashboard-outreach": "Programs & Events Dashboard",
	"coursestaff-dashboard-wikiedu": "Wiki Education Dashboard",
	"coursestaff-school": "Einrichtung",
	"coursestaff-term": "Zeitraum",
	"coursestaff-role": "Rolle in diesem Kurs",
	"coursestaff-event-dates": "Veranstaltung",
	"coursestaff-tracking-dates": "Erfassung",
	"coursestaff-date-range": "$1 – $2",
	"coursestaff-date-unknown": "nicht festgelegt",
	"coursestaff-staff": "Team",
	"coursestaff-no-staff": "Kein Team eingetragen.",
	"coursestaff-talk-tooltip": "Diskussionsseite von $1",
	"coursestaff-profile": "Profil von $1 im $2",
	"coursestaff-copy": "Ping kopieren",
	"coursestaff-copy-tooltip": "Eine $1-Vorlage mit allen Teammitgliedern kopieren",
	"coursestaff-copied": "\u007B\u007BPLURAL:$1|Ping für $1 Benutzer kopiert.|Ping für $1 Benutzer kopiert.\u007D\u007D",
	"coursestaff-copy-split": "Mehr als $1 Namen: Der Ping ist auf $2 Vorlagen aufgeteilt. Jede in einer eigenen signierten Bearbeitung speichern, denn eine Bearbeitung, die mehr als $1 Benutzer erwähnt, benachrichtigt niemanden.",
	"coursestaff-copy-fallback": "Kopieren ist hier nicht möglich: Text unten markieren und kopieren.",
	"coursestaff-copy-field": "Ping-Text",
	"coursestaff-badge-one": "$1, aktueller Kurs: $2",
	"coursestaff-badge-many": "$1, \u007B\u007BPLURAL:$2|$2 aktueller Kurs|$2 aktuelle Kurse\u007D\u007D",
	"coursestaff-card-heading": "Aktuelle Kurse von $1",
	"coursestaff-role-outreach-0": "Teilnehmende Person",
	"coursestaff-role-wikiedu-0": "Studierende Person",
	"coursestaff-role-outreach-1": "Kursleitung",
	"coursestaff-role-wikiedu-1": "Lehrende Person",
	"coursestaff-role-2": "Campus-Freiwillige Person",
	"coursestaff-role-3": "Online-Freiwillige Person",
	"coursestaff-role-4": "Wiki-Education-Team"
};
// </nowiki>
