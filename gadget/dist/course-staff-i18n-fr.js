// <nowiki>
/**
 * Course staff gadget 1.0.0: its messages in fr, loaded by course-staff-main.js for readers whose language is or falls back to fr.
 * Built from the outreach-dashboard-helper repository (gadget/src, gadget/i18n) by `npm run build:gadget`.
 * Do not edit this page: change the source there; the next deploy overwrites this page.
 * Installation, configuration and privacy: GADGET.md in that repository.
 * A correction: gadget/i18n/fr.json there, or on this wiki MediaWiki:Gadget-course-staff-messages.json (GADGET.md, "Languages").
 */
( mw.libs.courseStaffMessages = mw.libs.courseStaffMessages || {} )[ "fr" ] = {
	"coursestaff-tab": "Équipe du cours",
	"coursestaff-tab-tooltip": "Équipe des cours actifs de cette personne sur les Dashboards",
	"coursestaff-heading": "Équipe des cours de $1",
	"coursestaff-summary": "\u007B\u007BPLURAL:$1|$1 cours actif|$1 cours actifs\u007D\u007D, \u007B\u007BPLURAL:$2|$2 membre de l’équipe|$2 membres de l’équipe\u007D\u007D",
	"coursestaff-unreachable": "Le $1 n’a pas pu être joint : des cours y manquent peut-être. Réessayez dans une minute.",
	"coursestaff-close": "Fermer",
	"coursestaff-dashboard-outreach": "Programs & Events Dashboard",
	"coursestaff-dashboard-wikiedu": "Wiki Education Dashboard",
	"coursestaff-school": "Établissement",
	"coursestaff-term": "Période",
	"coursestaff-role": "Rôle dans ce cours",
	"coursestaff-event-dates": "Dates de l’événement",
	"coursestaff-tracking-dates": "Dates de suivi",
	"coursestaff-date-range": "$1 – $2",
	"coursestaff-date-unknown": "non définie",
	"coursestaff-staff": "Équipe",
	"coursestaff-no-staff": "Aucun membre de l’équipe indiqué.",
	"coursestaff-talk-tooltip": "Page de discussion de $1",
	"coursestaff-profile": "Profil de $1 sur le $2",
	"coursestaff-copy": "Copier la notification",
	"coursestaff-copy-tooltip": "Copier un modèle $1 qui mentionne chaque membre de l’équipe",
	"coursestaff-copied": "\u007B\u007BPLURAL:$1|Notification copiée pour $1 personne.|Notification copiée pour $1 personnes.\u007D\u007D",
	"coursestaff-copy-split": "Plus de $1 noms : la notification est répartie sur $2 modèles. Publiez chacun dans une modification signée distincte, car une modification qui mentionne plus de $1 personnes ne notifie personne.",
	"coursestaff-copy-fallback": "La copie n’est pas possible ici : sélectionnez le texte ci-dessous et copiez-le.",
	"coursestaff-copy-field": "Texte de la notification",
	"coursestaff-badge-one": "$1, cours actuel : $2",
	"coursestaff-badge-many": "$1, \u007B\u007BPLURAL:$2|$2 cours actuel|$2 cours actuels\u007D\u007D",
	"coursestaff-card-heading": "Cours actuels de $1",
	"coursestaff-role-outreach-0": "Participant·e",
	"coursestaff-role-wikiedu-0": "Étudiant·e",
	"coursestaff-role-outreach-1": "Facilitateur·rice",
	"coursestaff-role-wikiedu-1": "Enseignant·e",
	"coursestaff-role-2": "Bénévole du campus",
	"coursestaff-role-3": "Bénévole en ligne",
	"coursestaff-role-4": "Équipe de Wiki Education"
};
// </nowiki>
