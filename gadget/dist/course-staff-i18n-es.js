// <nowiki>
/**
 * Course staff gadget 1.0.0: its messages in es, loaded by course-staff-main.js for readers whose language is or falls back to es.
 * Built from the outreach-dashboard-helper repository (gadget/src, gadget/i18n) by `npm run build:gadget`.
 * Do not edit this page: change the source there; the next deploy overwrites this page.
 * Installation, configuration and privacy: GADGET.md in that repository.
 * A correction: gadget/i18n/es.json there, or on this wiki MediaWiki:Gadget-course-staff-messages.json (GADGET.md, "Languages").
 */
( mw.libs.courseStaffMessages = mw.libs.courseStaffMessages || {} )[ "es" ] = {
	"coursestaff-tab": "Equipo del curso",
	"coursestaff-tab-tooltip": "Equipo de los cursos activos de este usuario en los Dashboards",
	"coursestaff-heading": "Equipo de los cursos de $1",
	"coursestaff-summary": "\u007B\u007BPLURAL:$1|$1 curso activo|$1 cursos activos\u007D\u007D, \u007B\u007BPLURAL:$2|$2 miembro del equipo|$2 miembros del equipo\u007D\u007D",
	"coursestaff-unreachable": "No se pudo contactar con el $1, así que pueden faltar cursos de allí. Vuelve a intentarlo dentro de un minuto.",
	"coursestaff-close": "Cerrar",
	"coursestaff-dashboard-outreach": "Programs & Events Dashboard",
	"coursestaff-dashboard-wikiedu": "Wiki Education Dashboard",
	"coursestaff-school": "Institución",
	"coursestaff-term": "Período",
	"coursestaff-role": "Rol en este curso",
	"coursestaff-event-dates": "Fechas del evento",
	"coursestaff-tracking-dates": "Fechas de seguimiento",
	"coursestaff-date-range": "$1 – $2",
	"coursestaff-date-unknown": "sin definir",
	"coursestaff-staff": "Equipo",
	"coursestaff-no-staff": "No figura ningún miembro del equipo.",
	"coursestaff-talk-tooltip": "Página de discusión de $1",
	"coursestaff-profile": "Perfil de $1 en el $2",
	"coursestaff-copy": "Copiar ping",
	"coursestaff-copy-tooltip": "Copiar una plantilla $1 que mencione a todo el equipo",
	"coursestaff-copied": "\u007B\u007BPLURAL:$1|Se copió un ping para $1 usuario.|Se copió un ping para $1 usuarios.\u007D\u007D",
	"coursestaff-copy-split": "Más de $1 nombres: el ping se ha dividido en $2 plantillas. Publica cada una en una edición firmada distinta, porque una edición que menciona a más de $1 usuarios no notifica a nadie.",
	"coursestaff-copy-fallback": "Aquí no se puede copiar automáticamente: selecciona el texto de abajo y cópialo.",
	"coursestaff-copy-field": "Texto del ping",
	"coursestaff-badge-one": "$1, curso actual: $2",
	"coursestaff-badge-many": "$1, \u007B\u007BPLURAL:$2|$2 curso actual|$2 cursos actuales\u007D\u007D",
	"coursestaff-card-heading": "Cursos actuales de $1",
	"coursestaff-role-outreach-0": "Participante",
	"coursestaff-role-wikiedu-0": "Estudiante",
	"coursestaff-role-outreach-1": "Facilitador",
	"coursestaff-role-wikiedu-1": "Instructor",
	"coursestaff-role-2": "Voluntario de campus",
	"coursestaff-role-3": "Voluntario en línea",
	"coursestaff-role-4": "Personal de Wiki Education"
};
// </nowiki>
