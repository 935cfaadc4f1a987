// <nowiki>
/**
 * Course staff gadget 1.0.0: its messages in it, loaded by course-staff-main.js for readers whose language is or falls back to it.
 * Built from the outreach-dashboard-helper repository (gadget/src, gadget/i18n) by `npm run build:gadget`.
 * Do not edit this page: change the source there; the next deploy overwrites this page.
 * Installation, configuration and privacy: GADGET.md in that repository.
 * A correction: gadget/i18n/it.json there, or on this wiki MediaWiki:Gadget-course-staff-messages.json (GADGET.md, "Languages").
 */
( mw.libs.courseStaffMessages = mw.libs.courseStaffMessages || {} )[ "it" ] = {
	"coursestaff-tab": "Staff del corso",
	"coursestaff-tab-tooltip": "Staff dei corsi attivi di questa utenza sui Dashboard",
	"coursestaff-heading": "Staff dei corsi di $1",
	"coursestaff-summary": "\u007B\u007BPLURAL:$1|$1 corso attivo|$1 corsi attivi\u007D\u007D, \u007B\u007BPLURAL:$2|$2 membro dello staff|$2 membri dello staff\u007D\u007D",
	"coursestaff-unreachable": "Impossibile raggiungere il $1: potrebbero mancare dei corsi. Riprova tra un minuto.",
	"coursestaff-close": "Chiudi",
	"coursestaff-dashboard-outreach": "Programs & Events Dashboard",
	"coursestaff-dashboard-wikiedu": "Wiki Education Dashboard",
	"coursestaff-school": "Istituto",
	"coursestaff-term": "Periodo",
	"coursestaff-role": "Ruolo in questo corso",
	"coursestaff-event-dates": "Date dell’evento",
	"coursestaff-tracking-dates": "Date di monitoraggio",
	"coursestaff-date-range": "$1 – $2",
	"coursestaff-date-unknown": "non impostata",
	"coursestaff-staff": "Staff",
	"coursestaff-no-staff": "Nessun membro dello staff indicato.",
	"coursestaff-talk-tooltip": "Pagina di discussione di $1",
	"coursestaff-profile": "Profilo di $1 sul $2",
	"coursestaff-copy": "Copia ping",
	"coursestaff-copy-tooltip": "Copia un template $1 che menziona tutti i membri dello staff",
	"coursestaff-copied": "\u007B\u007BPLURAL:$1|Ping copiato per $1 utente.|Ping copiato per $1 utenti.\u007D\u007D",
	"coursestaff-copy-split": "Più di $1 nomi: il ping è diviso in $2 template. Pubblica ciascuno in una modifica firmata separata, perché una modifica che menziona più di $1 utenti non invia alcuna notifica.",
	"coursestaff-copy-fallback": "Qui non è possibile copiare automaticamente: seleziona il testo qui sotto e copialo.",
	"coursestaff-copy-field": "Testo del ping",
	"coursestaff-badge-one": "$1, corso attuale: $2",
	"coursestaff-badge-many": "$1, \u007B\u007BPLURAL:$2|$2 corso attuale|$2 corsi attuali\u007D\u007D",
	"coursestaff-card-heading": "Corsi attuali di $1",
	"coursestaff-role-outreach-0": "Partecipante",
	"coursestaff-role-wikiedu-0": "Studente",
	"coursestaff-role-outreach-1": "Facilitatore",
	"coursestaff-role-wikiedu-1": "Insegnante",
	"coursestaff-role-2": "Volontario del campus",
	"coursestaff-role-3": "Volontario online",
	"coursestaff-role-4": "Staff di Wiki Education"
};
// </nowiki>
