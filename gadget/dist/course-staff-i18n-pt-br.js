// <nowiki>
/**
 * Course staff gadget 1.0.0: its messages in pt-br, loaded by course-staff-main.js for readers whose language is or falls back to pt-br.
 * Built from the outreach-dashboard-helper repository (gadget/src, gadget/i18n) by `npm run build:gadget`.
 * Do not edit this page: change the source there; the next deploy overwrites this page.
 * Installation, configuration and privacy: GADGET.md in that repository.
 * A correction: gadget/i18n/pt-br.json there, or on this wiki MediaWiki:Gadget-course-staff-messages.json (GADGET.md, "Languages").
 */
( mw.libs.courseStaffMessages = mw.libs.courseStaffMessages || {} )[ "pt-br" ] = {
	"coursestaff-tab": "Equipe do curso",
	"coursestaff-tab-tooltip": "Equipe dos cursos ativos deste usuário nos Dashboards",
	"coursestaff-heading": "Equipe dos cursos de $1",
	"coursestaff-summary": "\u007B\u007BPLURAL:$1|$1 curso ativo|$1 cursos ativos\u007D\u007D, \u007B\u007BPLURAL:$2|0=nenhum membro da equipe|$2 membro da equipe|$2 membros da equipe\u007D\u007D",
	"coursestaff-unreachable": "Não foi possível acessar o $1, então cursos de lá podem estar faltando. Tente novamente em um minuto.",
	"coursestaff-close": "Fechar",
	"coursestaff-dashboard-outreach": "Programs & Events Dashboard",
	"coursestaff-dashboard-wikiedu": "Wiki Education Dashboard",
	"coursestaff-school": "Instituição",
	"coursestaff-term": "Período",
	"coursestaff-role": "Função neste curso",
	"coursestaff-event-dates": "Datas do evento",
	"coursestaff-tracking-dates": "Datas de monitoramento",
	"coursestaff-date-range": "$1 – $2",
	"coursestaff-date-unknown": "não definida",
	"coursestaff-staff": "Equipe",
	"coursestaff-no-staff": "Nenhum membro da equipe listado.",
	"coursestaff-talk-tooltip": "Página de discussão de $1",
	"coursestaff-profile": "Perfil de $1 no $2",
	"coursestaff-copy": "Copiar ping",
	"coursestaff-copy-tooltip": "Copiar uma predefinição $1 que menciona todos os membros da equipe",
	"coursestaff-copied": "\u007B\u007BPLURAL:$1|Ping copiado para $1 usuário.|Ping copiado para $1 usuários.\u007D\u007D",
	"coursestaff-copy-split": "Mais de $1 nomes: o ping foi dividido em $2 predefinições. Publique cada uma em uma edição assinada separada, pois uma edição que menciona mais de $1 usuários não notifica ninguém.",
	"coursestaff-copy-fallback": "Não é possível copiar aqui: selecione o texto abaixo e copie-o.",
	"coursestaff-copy-field": "Texto do ping",
	"coursestaff-badge-one": "$1, curso atual: $2",
	"coursestaff-badge-many": "$1, \u007B\u007BPLURAL:$2|$2 curso atual|$2 cursos atuais\u007D\u007D",
	"coursestaff-card-heading": "Cursos atuais de $1",
	"coursestaff-role-outreach-0": "Participante",
	"coursestaff-role-wikiedu-0": "Estudante",
	"coursestaff-role-outreach-1": "Facilitador",
	"coursestaff-role-wikiedu-1": "Instrutor",
	"coursestaff-role-2": "Voluntário de campus",
	"coursestaff-role-3": "Voluntário online",
	"coursestaff-role-4": "Equipe da Wiki Education"
};
// </nowiki>
