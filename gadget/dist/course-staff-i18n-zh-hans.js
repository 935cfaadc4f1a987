// <nowiki>
/**
 * Course staff gadget 1.0.0: its messages in zh-hans, loaded by course-staff-main.js for readers whose language is or falls back to zh-hans.
 * Built from the outreach-dashboard-helper repository (gadget/src, gadget/i18n) by `npm run build:gadget`.
 * Do not edit this page: change the source there; the next deploy overwrites this page.
 * Installation, configuration and privacy: GADGET.md in that repository.
 * A correction: gadget/i18n/zh-hans.json there, or on this wiki MediaWiki:Gadget-course-staff-messages.json (GADGET.md, "Languages").
 */
( mw.libs.courseStaffMessages = mw.libs.courseStaffMessages || {} )[ "zh-hans" ] = {
	"coursestaff-tab": "课程团队",
	"coursestaff-tab-tooltip": "此用户进行中课程的工作人员",
	"coursestaff-heading": "$1的课程团队",
	"coursestaff-summary": "$1门进行中的课程，$2名团队成员",
	"coursestaff-unreachable": "无法连接$1，因此可能缺少该处的课程。请一分钟后重试。",
	"coursestaff-close": "关闭",
	"coursestaff-dashboard-outreach": "项目与活动仪表板",
	"coursestaff-dashboard-wikiedu": "维基教育仪表板",
	"coursestaff-school": "机构",
	"coursestaff-term": "学期",
	"coursestaff-role": "在此课程中的角色",
	"coursestaff-event-dates": "活动日期",
	"coursestaff-tracking-dates": "追踪日期",
	"coursestaff-date-range": "$1至$2",
	"coursestaff-date-unknown": "未设置",
	"coursestaff-staff": "团队",
	"coursestaff-no-staff": "未列出团队成员。",
	"coursestaff-talk-tooltip": "$1的讨论页",
	"coursestaff-profile": "$1在$2上的个人资料",
	"coursestaff-copy": "复制提及",
	"coursestaff-copy-tooltip": "复制提及所有团队成员的$1模板",
	"coursestaff-copied": "已复制对$1位用户的提及。",
	"coursestaff-copy-split": "超过$1个名称：提及已拆分为$2个模板。请分别在各自独立且已签名的编辑中发布，因为提及超过$1位用户的编辑不会通知任何人。",
	"coursestaff-copy-fallback": "此处无法复制：请选中下方的文本并复制。",
	"coursestaff-copy-field": "提及文本",
	"coursestaff-badge-one": "$1，当前课程：$2",
	"coursestaff-badge-many": "$1，$2门当前课程",
	"coursestaff-card-heading": "$1的当前课程",
	"coursestaff-role-outreach-0": "参与者",
	"coursestaff-role-wikiedu-0": "学生",
	"coursestaff-role-outreach-1": "协调人",
	"coursestaff-role-wikiedu-1": "导师",
	"coursestaff-role-2": "校园志愿者",
	"coursestaff-role-3": "在线志愿者",
	"coursestaff-role-4": "维基教育职员"
};
// </nowiki>
