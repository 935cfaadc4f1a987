// <nowiki>
/**
 * Course staff gadget 1.0.0: its messages in id, loaded by course-staff-main.js for readers whose language is or falls back to id.
 * Built from the outreach-dashboard-helper repository (gadget/src, gadget/i18n) by `npm run build:gadget`.
 * Do not edit this page: change the source there; the next deploy overwrites this page.
 * Installation, configuration and privacy: GADGET.md in that repository.
 * A correction: gadget/i18n/id.json there, or on this wiki MediaWiki:Gadget-course-staff-messages.json (GADGET.md, "Languages").
 */
( mw.libs.courseStaffMessages = mw.libs.courseStaffMessages || {} )[ "id" ] = {
	"coursestaff-tab": "Staf kursus",
	"coursestaff-tab-tooltip": "Staf kursus aktif pengguna ini di Dashboard",
	"coursestaff-heading": "Staf kursus $1",
	"coursestaff-summary": "$1 kursus aktif, $2 anggota staf",
	"coursestaff-unreachable": "$1 tidak dapat dihubungi, jadi mungkin ada kursus dari sana yang tidak tampil. Coba lagi dalam satu menit.",
	"coursestaff-close": "Tutup",
	"coursestaff-dashboard-outreach": "Programs & Events Dashboard",
	"coursestaff-dashboard-wikiedu": "Wiki Education Dashboard",
	"coursestaff-school": "Institusi",
	"coursestaff-term": "Periode",
	"coursestaff-role": "Peran dalam kursus ini",
	"coursestaff-event-dates": "Tanggal acara",
	"coursestaff-tracking-dates": "Tanggal pelacakan",
	"coursestaff-date-range": "$1 – $2",
	"coursestaff-date-unknown": "belum ditentukan",
	"coursestaff-staff": "Staf",
	"coursestaff-no-staff": "Tidak ada staf yang tercantum.",
	"coursestaff-talk-tooltip": "Halaman pembicaraan $1",
	"coursestaff-profile": "Profil $1 di $2",
	"coursestaff-copy": "Salin ping",
	"coursestaff-copy-tooltip": "Salin templat $1 yang menyebut semua anggota staf",
	"coursestaff-copied": "Ping untuk $1 pengguna telah disalin.",
	"coursestaff-copy-split": "Lebih dari $1 nama: ping dibagi menjadi $2 templat. Terbitkan masing-masing dalam suntingan bertanda tangan yang terpisah, karena suntingan yang menyebut lebih dari $1 pengguna tidak mengirim notifikasi kepada siapa pun.",
	"coursestaff-copy-fallback": "Fitur salin tidak tersedia di sini: pilih teks di bawah ini lalu salin.",
	"coursestaff-copy-field": "Teks ping",
	"coursestaff-badge-one": "$1, kursus saat ini: $2",
	"coursestaff-badge-many": "$1, $2 kursus saat ini",
	"coursestaff-card-heading": "Kursus $1 saat ini",
	"coursestaff-role-outreach-0": "Peserta",
	"coursestaff-role-wikiedu-0": "Mahasiswa",
	"coursestaff-role-outreach-1": "Fasilitator",
	"coursestaff-role-wikiedu-1": "Pengajar",
	"coursestaff-role-2": "Relawan kampus",
	"coursestaff-role-3": "Relawan daring",
	"coursestaff-role-4": "Staf Wiki Education"
};
// </nowiki>
