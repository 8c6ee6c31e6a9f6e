//! Rule ids and sources from the rule book (`docs/rulebook.md`), generated once from its
//! headings and source key, then kept by hand. A test checks that every id in the rule book is
//! listed here and nothing else.
use serde::{Serialize, Serializer};
macro_rules! rule_ids {
    ($($v:ident => $id:literal, $title:literal;)*) => {
        /// A rule of the rule book, `R-001` … `R-905`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum RuleId { $(#[doc = $title] $v,)* }
        impl RuleId {
            /// Every rule, in rule-book order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$v,)*];
            /// The id as written in the rule book, e.g. `"R-045"`.
            pub fn as_str(self) -> &'static str { match self { $(RuleId::$v => $id,)* } }
            /// The rule's heading in the rule book.
            pub fn title(self) -> &'static str { match self { $(RuleId::$v => $title,)* } }
        }
    };
}
rule_ids! {
    R001 => "R-001", "EU/EEA nationals: no residence card";
    R002 => "R-002", "Everyone else with a permit needs a card";
    R003 => "R-003", "Duties of a card holder";
    R004 => "R-004", "EU/EEA registration (registration certificate)";
    R005 => "R-005", "Family members of EU/EEA nationals";
    R006 => "R-006", "Permanent right of residence (varig oppholdsrett): certificate vs card";
    R007 => "R-007", "What the permanent residence certificate adds (EU/EEA)";
    R008 => "R-008", "Acquiring permanent right of residence (EU/EEA rules)";
    R009 => "R-009", "Continuity of residence for EU/EEA permanent right";
    R010 => "R-010", "Applied before 16 April 2021: always an appointment";
    R011 => "R-011", "From 16 April 2021: biometrics at submission";
    R012 => "R-012", "Default: card by post without appointment";
    R013 => "R-013", "Applied from outside Norway → book";
    R014 => "R-014", "Norwegian immigrant's passport / refugee travel document";
    R015 => "R-015", "Application submitted under power of attorney → applicant books own appointment";
    R016 => "R-016", "Brexit applicants → wait for notification, then book";
    R017 => "R-017", "First-time asylum application lodged with the police → police summon you";
    R018 => "R-018", "Employer applied online on the employee's behalf → book a follow-up appointment";
    R019 => "R-019", "Renewals and derived refugee status";
    R020 => "R-020", "Decision letter prevails";
    R021 => "R-021", "How to book";
    R022 => "R-022", "Permanent right of residence (non-EU family member): appointment";
    R023 => "R-023", "Under 18";
    R024 => "R-024", "Postal delivery prerequisites";
    R025 => "R-025", "Card returned to the police";
    R026 => "R-026", "Travel until the card arrives";
    R027 => "R-027", "National ID number";
    R030 => "R-030", "No-appointment route (R-012)";
    R031 => "R-031", "After a police appointment";
    R032 => "R-032", "Card lost in the mail";
    R033 => "R-033", "Replacement card (third-party)";
    R034 => "R-034", "Checker policy for timing conflicts";
    R040 => "R-040", "When you must order a new card";
    R041 => "R-041", "When NOT to order a card";
    R042 => "R-042", "Recommended timing";
    R043 => "R-043", "Requirements to order";
    R044 => "R-044", "DUF number validation";
    R045 => "R-045", "Fee table (new card)";
    R046 => "R-046", "Ordering process (third-party description)";
    R047 => "R-047", "What to bring to the replacement appointment";
    R048 => "R-048", "Card lost while abroad";
    R049 => "R-049", "Permanent status holders without a valid card";
    R060 => "R-060", "Deadline";
    R061 => "R-061", "When an application counts as submitted";
    R062 => "R-062", "Applying in time = same rights while waiting";
    R063 => "R-063", "Fallback: 37-day online-registration rule";
    R064 => "R-064", "Recommended lead times (advice, not deadlines)";
    R065 => "R-065", "Permanent residence application timing";
    R066 => "R-066", "Protection-based permits: renewal must be filed in Norway";
    R067 => "R-067", "Consequences of not renewing / gap";
    R068 => "R-068", "Brexit applicants waiting";
    R070 => "R-070", "Travelling with a card";
    R071 => "R-071", "Half-of-the-permit-period rule";
    R072 => "R-072", "Multi-year permit: 182 days in any 365-day period";
    R073 => "R-073", "Losing a permit (general)";
    R074 => "R-074", "Absence limit for a later permanent residence permit";
    R075 => "R-075", "General permanent-residence requirements (partial, for context)";
    R076 => "R-076", "Three or five years' residence";
    R077 => "R-077", "Not more than three months without a valid permit";
    R078 => "R-078", "Income requirement";
    R079 => "R-079", "Norwegian and social studies, dated";
    R080 => "R-080", "Losing a permanent residence permit";
    R081 => "R-081", "Keeping a permanent permit while abroad > 2 years";
    R082 => "R-082", "If permission to stay abroad is granted";
    R083 => "R-083", "Losing permanent right of residence (varig oppholdsrett)";
    R100 => "R-100", "Key dates";
    R101 => "R-101", "Core eligibility (UK national under EU/EEA rules)";
    R102 => "R-102", "Late applications (after 31 Dec 2021)";
    R103 => "R-103", "No deadline for certain children";
    R104 => "R-104", "Brexit permanent residence permit: who must apply";
    R105 => "R-105", "Continuity (Brexit)";
    R106 => "R-106", "Basis throughout";
    R107 => "R-107", "Family member's permanent permit depends on the UK national";
    R108 => "R-108", "Timing of requirements";
    R109 => "R-109", "No language/social-studies requirement (Brexit permanent)";
    R110 => "R-110", "Brexit permanent: documents";
    R111 => "R-111", "Brexit police process (all Brexit routes)";
    R112 => "R-112", "Family member of a UK national: general conditions";
    R113 => "R-113", "Eligible relationships when the UK national is employed, self-employed or has sufficient funds";
    R114 => "R-114", "Eligible relationships when the UK national is a student";
    R115 => "R-115", "Family-member documents";
    R116 => "R-116", "Frontier workers";
    R117 => "R-117", "Old permanent residence permit → order a card, don't apply";
    R118 => "R-118", "Valid temporary Brexit permit: new card";
    R119 => "R-119", "Expiring temporary Brexit permit, not eligible for permanent";
    R120 => "R-120", "Travel while a Brexit case is pending";
    R121 => "R-121", "UK national registered as family member of a non-UK EU/EEA national";
    R122 => "R-122", "Family member applying from abroad";
    R123 => "R-123", "UK visitors";
    R124 => "R-124", "Fees (third-party, 2021)";
    R125 => "R-125", "The Brexit card's remark";
    R130 => "R-130", "Who this area is for";
    R131 => "R-131", "Automatic extension, one year at a time";
    R132 => "R-132", "The new card after an extension comes by post";
    R133 => "R-133", "No automatic extension";
    R134 => "R-134", "Travel";
    R135 => "R-135", "Collective protection and a permanent permit";
    R136 => "R-136", "Lost, stolen or damaged card";
    R137 => "R-137", "Rules for new arrivals changed";
    R138 => "R-138", "The five-year limit, on the holder's own dates";
    R139 => "R-139", "Entry/Exit System";
    R140 => "R-140", "A trip while the card is missing";
    R141 => "R-141", "The card expires before a trip";
    R142 => "R-142", "People who live abroad";
    R900 => "R-900", "Statutory holidays (helligdager)";
    R901 => "R-901", "Easter-relative offsets (E = Easter Sunday, Gregorian computus)";
    R902 => "R-902", "1 May and 17 May";
    R903 => "R-903", "Not holidays (by statute)";
    R904 => "R-904", "Overlapping holidays";
    R905 => "R-905", "Working-day counting (checker convention, see C-1/C-2)";
}

macro_rules! sources {
    ($($v:ident => $id:literal, $url:literal, $what:literal;)*) => {
        /// A source from the rule book's source key: a seed file (`Seed000` … `Seed004`) or a web
        /// page (`W01` … `W90`, holiday sources `H1` … `H8`, the staging mirror `X1`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Source { $(#[doc = $what] $v,)* }
        impl Source {
            /// Every source, in source-key order.
            pub const ALL: &'static [Source] = &[$(Source::$v,)*];
            /// The id as written in the rule book, e.g. `"W18"` or `"000"`.
            pub fn id(self) -> &'static str { match self { $(Source::$v => $id,)* } }
            /// The published address of the page (for a seed file, its online copy).
            pub fn url(self) -> &'static str { match self { $(Source::$v => $url,)* } }
            /// What the rule book uses the source for.
            pub fn description(self) -> &'static str { match self { $(Source::$v => $what,)* } }
        }
    };
}

sources! {
    Seed000 => "000", "https://udi.no/en/system/received-an-answer/application-approved/first-time-residence-permit/how-to-obtain-residence-card-when-applying-norway", "UDI: How do I get my residence card when I applied from Norway?";
    Seed001 => "001", "https://udi.no/en/received-an-answer/protection-asylum/you-have-been-granted-a-residence-permit-on-grounds-of-strong-humanitarian-considerations-or-a-particular-connection-to-norway/", "UDI: granted a permit on strong humanitarian grounds or a particular connection (Q&A)";
    Seed002 => "002", "https://www.thelocal.no/20220421/how-to-replace-a-norwegian-residence-card-if-you-lose-it/", "The Local (third party): How to replace a Norwegian residence card if you lose it (2022-04-21)";
    Seed003 => "003", "https://www.udi.no/en/received-an-answer/permanent-residence/har-fatt-ja-pa-soknad-om-varig-oppholdsrett/", "UDI: Have been granted permanent right of residence";
    Seed004 => "004", "https://www.udi.no/uk/want-to-apply/residence-according-to-the-brexit-regulations/brexit-apply", "UDI: Brexit, want to apply (permanent, family members, frontier workers, new card, late applications)";
    W06 => "W06", "https://udi.no/uk/important-messages/many-applicants-do-not-have-to-meet-twice-with-the-police/", "biometrics from 16 Apr 2021";
    W07 => "W07", "https://www.udi.no/en/word-definitions/booking-of-an-appointment/must-i-book-a-new-appointment-after-having-received-an-answer-to-my-application/", "employer-applied, applied abroad";
    W08 => "W08", "https://udi.no/en/received-an-answer/protection-asylum/you-have-been-granted-protection-asylum-in-norway/how-to-get-a-residence-card-if-you-applied-on-16-april-2021-or-later", "asylum, renewal, derived status";
    W09 => "W09", "https://www.udi.no/en/received-an-answer/student-permit/your-application-for-a-study-permit-has-been-granted/how-to-get-a-residence-card-if-you-applied-on-16-april-2021-or-later/", "list of who must book";
    W10 => "W10", "https://www.udi.no/en/received-an-answer/student-permit/your-application-for-a-study-permit-has-been-granted/how-to-get-a-residence-card/", "pre-16-Apr-2021 procedure";
    W11 => "W11", "https://www.udi.no/en/received-an-answer/family-immigration/have-been-granted-a-family-immigration-permit/slik-skaffer-du-deg-oppholdskort/", "pre-16-Apr-2021 procedure";
    W12 => "W12", "https://udi.no/en/word-definitions/booking-of-an-appointment", "booking channels";
    W13 => "W13", "https://www.udi.no/en/word-definitions/booking-of-an-appointment/what-should-i-do-if-i-have-booked-an-appointment-but-have-lost-access-to-my-account/", "same account for card booking";
    W14 => "W14", "https://udi.no/en/system/received-an-answer/application-approved/fornyet-oppholdstillatelse", "renewal card 'within three weeks'";
    W15 => "W15", "https://udi.no/en/system/har-fatt-svar-ny/har-fatt-ja-pa-soknaden/permanent-opphold-eller-varig-oppholdsrett2/permanent-opphold", "DRAFT page, 'within two weeks'";
    W16 => "W16", "https://www.udi.no/en/received-an-answer/work-immigration/your-application-for-labour-immigration-has-been-granted/", "'at least ten working days'";
    W17 => "W17", "https://politiet.no/english/residence-permits-and-protection/residence-cards", "police: card rules, 3 months, 20 wd, 14 wd";
    W18 => "W18", "https://www.udi.no/ord-og-begreper/gebyr/bestille-nytt-oppholdskort/", "fee table (Nynorsk)";
    W19 => "W19", "https://www.politiet.no/tjenester/opphold-i-norge-og-asyl/fornye-oppholdskort/", "when (not) to order; fee";
    W20 => "W20", "https://www.politiet.no/tjenester/opphold-i-norge-og-asyl/skaffe-oppholdskort/", "fee exemptions";
    W21 => "W21", "https://www.udi.no/en/want-to-renew/replace-your-residence-card-or-the-sticker-in-your-passport-/krav-til-a-bestille-nytt-oppholdskort/", "situations/requirements (EN)";
    W22 => "W22", "https://www.udi.no/skal-fornye/erstatte-oppholdskort-eller-etikett-i-passet/krav-til-a-fa-nytt-oppholdskort/", "situations/requirements (NO)";
    W23 => "W23", "https://www.udi.no/nn/ord-og-omgrep/duf-nummer/", "DUF number";
    W24 => "W24", "https://www.norway.no/en/turkiye/services-info/visitors-visa-res-permit/lostexpired-residence-card-and-travel-document", "lost/expired card abroad (embassy)";
    W25 => "W25", "https://www.udi.no/en/word-definitions/information-for-people-turning-18-check-your-residence-card/residence-cards-for-family-members-of-eueea-citizens/", "EU family card 5 years";
    W26 => "W26", "https://www.udi.no/ord-og-begreper/timebestilling/hva-skjer-med-rettighetene-mine-hvis-jeg-skal-soke-fornyelse-men-ikke-far-time-hos-politiet-i-tide/", "1 month / 37 days rule";
    W27 => "W27", "https://udi.no/en/want-to-apply/permanent-residence/permanent-residence-permit/?c=syr&g=1", "permanent: timing, 37 days";
    W28 => "W28", "https://www.udi.no/en/want-to-renew/family-immigration/ofte-stilte-sporsmal/", "when application counts as submitted";
    W29 => "W29", "http://www.udi.no/Norwegian-Directorate-of-Immigration/Central-topics/Work-and-residence/How-to-renew-your-residence-permit/", "OLD page: 1 month, recommend 2–3 months";
    W30 => "W30", "https://udi.no./uk/important-messages/renewing-resident-permits-for-students-is-easier-with-eid", "students, eID, 1 month / 2–3 months";
    W31 => "W31", "https://www.udi.no/har-fatt-svar/arbeidsinnvandring/har-fatt-ja-pa-soknad-om-arbeidsinnvandring/hvor-lenger-varer-oppholdstillatelsen/", "work: 'tre måneder før'";
    W32 => "W32", "https://www.udi.no/har-fatt-svar/studietillatelse/har-fatt-ja-pa-soknad-om-studietillatelse/hvordan-fornye-tillatelsen/", "study: 2–3 months";
    W33 => "W33", "https://www.udi.no/en/received-an-answer/protection-asylum/you-have-been-granted-protection-asylum-in-norway/abroad-with-an-expired-residence-permit/", "protection: abroad at expiry";
    W34 => "W34", "https://www.udi.no/en/have-applied/permanent-residence/what-happens-to-your-appliation-while-you-wait/", "permanent pending → temp renewed";
    W35 => "W35", "https://www.udi.no/en/contact-us/frequently-asked-questions/i-do-not-have-a-valid-residence-card-but-need-to-travel.-what-can-i-do/", "travel without valid card";
    W36 => "W36", "https://www.udi.no/har-fatt-svar/studietillatelse/har-fatt-ja-pa-soknad-om-studietillatelse/reise-til-andre-land-mens-jeg-er-i-norge/", "study: ≥6 months/year in Norway";
    W37 => "W37", "https://www.udi.no/en/received-an-answer/protection-asylum/you-have-been-granted-protection-asylum-in-norway/can-I-travel-to-other-countries-while-living-in-norway/", "protection: 10 months / 5 years";
    W38 => "W38", "https://www.udi.no/en/checklists-container/citizenship-travel-permanent/checklist-permanent-residence/?in=2&al=2&c=rus", "permanent checklist: 7 months / 3 years";
    W39 => "W39", "https://www.thelocal.no/20230609/what-happens-if-you-spend-too-long-outside-norway-for-medical-reasons", "third party, quotes UDI";
    W40 => "W40", "https://www.udi.no/en/received-an-answer/permanent-residence/have-been-granted-a-permanent-residence-permit/you-can-lose-your-permanent-residence-permit/", "2 yrs continuous / 2 of 4 yrs";
    W41 => "W41", "https://www.udi.no/har-fatt-svar/tilbakekall-a-miste-en-oppholdstillatelse-eller-et-statborgerskap/permanent-oppholdstillatelse/du-har-vart-for-lenge-utenfor-norge/", "'mer enn to år'";
    W42 => "W42", "https://www.udi.no/en/want-to-apply/permanent-residence/keep-a-permanent-residence-permit/requirements-for-you-the-applicant/", "keep permanent permit abroad";
    W43 => "W43", "https://www.udi.no/en/received-an-answer/permanent-residence/har-fatt-ja-pa-soknad-om-langvarig-opphold-utenfor-norge/", "granted: new card, entry visa";
    W44 => "W44", "https://www.udi.no/en/received-an-answer/revocation-losing-a-residence-permit-or-citizenship/permanent-residence-permit/", "reasons for loss";
    W45 => "W45", "https://www.udi.no/skal-soke/permanent-opphold/permanent-oppholdstillatelse/voksne/", "3-year requirement exemptions";
    W46 => "W46", "https://www.udi.no/ord-og-begreper/norskopplaring-for-de-som-soker-om-permanent-oppholdstillatelse/", "language training 16–55";
    W47 => "W47", "https://www.udi.no/en/word-definitions/training-and-tests-in-the-norwegian-language-for-people-applying-for-a-permanent-residence-permit/", "training & tests (age bands)";
    W48 => "W48", "https://www.udi.no/ord-og-begreper/gode-nok-kunnskaper-i-norsk-eller-samisk/du-fikk-forste-oppholdstillatelse-som-danner-grunnlag-for-permanent-oppholdstillatelse-for-01.01.2021/", "A2 threshold";
    W49 => "W49", "https://www.udi.no/en/want-to-apply/permanent-residence/permanent-right-of-residence-for-eueea-nationals/other-type-of-eueea-national/", "EU permanent right: 5 yrs, absences";
    W50 => "W50", "https://udi.no/en/want-to-apply/permanent-residence/permanent-right-of-residence-for-family-members-of-eueea-nationals-/family-member-of-an-eueea-national", "non-EU family member";
    W51 => "W51", "https://www.udi.no/en/word-definitions/eueea-national/what-is-a-proof-of-registration-for-eueea-national/", "registration certificate";
    W52 => "W52", "https://www.udi.no/ord-og-begreper/eueos-borger/hva-er-registreringsordningen-for-eueos-borgere/", "registration scheme";
    W53 => "W53", "https://www.politiet.no/tjenester/opphold-i-norge-og-asyl/borger-av-land-i-eueos/", "EU: no card; 5 years";
    W54 => "W54", "https://udi.no/en/want-to-apply/residence-according-to-the-brexit-regulations/brexit-apply-from-norway/", "Brexit deadline; children";
    W55 => "W55", "https://udi.no/en/brexit", "Brexit FAQ";
    W56 => "W56", "https://www.udi.no/en/word-definitions/brexit", "UK visitors 90/180";
    W57 => "W57", "https://www.udi.no/en/latest/udi-har-kontaktet-17-715-briter-i-norge/", "stay until decision; exceptions";
    W58 => "W58", "https://udi.no/nn/viktige-meldinger/overgangsperioden-for-opphald-etter-brexit-regelverket-er-over/", "transition over (23.09.2022)";
    W59 => "W59", "https://www.politiet.no/tjenester/opphold-i-norge-og-asyl/brexit/", "police Brexit process";
    W60 => "W60", "https://www.udi.no/ord-og-begreper/brexit/jeg-har-oppholdsrett-i-norge-men-ikke-fatt-svar-pa-brexit-soknaden-min.-nar-jeg-skal-reise-til-utlandet-hvordan-kan-jeg-dokumentere-at-jeg-har-rett-til-opphold-sa-jeg-far-reise-inn-igjen-etter-1-januar-2022/", "travel while Brexit case pending";
    W61 => "W61", "https://www.udi.no/skal-soke/opphold-etter-brexit-regelverket/brexit-skal-soke-fra-norge/britiske-borgere-med-opphold-som-familiemedlemmer-til-ikke-britisk-eueos-borger/", "UK national family of other EU national";
    W62 => "W62", "https://www.udi.no/en/want-to-apply/residence-according-to-the-brexit-regulations/brexit-apply/family-member-to-a-british-citizen", "family member applying from abroad";
    W63 => "W63", "https://www.bncc.no/brexit/residence-permit-and-card-for-uk-nationals/", "third party (2021)";
    W64 => "W64", "https://www.udi.no/en/received-an-answer/family-immigration/have-been-granted-a-family-immigration-permit/", "20 wd; travel within decision deadline";
    W65 => "W65", "https://www.udi.no/en/word-definitions/log-in/what-do-i-do-if-ive-lost-access-to-my-account/", "cover letter sent by email";
    W66 => "W66", "https://www.udi.no/en/about-the-udi/the-udis-service-declaration/we-expect-you-to/", "full name on postbox";
    W67 => "W67", "https://udi.no/ru/received-an-answer/permanent-residence/have-been-granted-a-permanent-residence-permit", "pre-16-Apr-2021: book, 7 days, under-18, 20 wd, +10 wd";
    W68 => "W68", "https://www.udi.no/en/important-messages/requirements-for-residence-period-to-obtain-a-permanent-residence-permit/", "five years for protection-based permits (published 10.12.2020)";
    W69 => "W69", "https://www.udi.no/en/word-definitions/calculating-the-residence-period-for-permanent-residence-permits/", "3 or 5 years; 3 months without a permit; 7/3 and 10/5 absence";
    W70 => "W70", "https://www.udiregelverk.no/en/documents/circulars-and-instructions-from-the-ministries/g-042025", "circular G-04/2025: language and social studies in the Immigration Act from 1 Sep 2025";
    W71 => "W71", "https://www.regjeringen.no/no/dokumenter/prop.-113-l-20242025/id3096096/?ch=3", "Prop. 113 L (2024–2025) ch. 3: training no longer a condition";
    W72 => "W72", "https://udi.no/uk/important-messages/change-in-the-requirement-to-financially-support-yourself-in-order-to-get-a-permanent-residence-permit/", "income: social-assistance condition lifted 18 Apr 2024";
    W73 => "W73", "https://www.udi.no/en/word-definitions/requirement-to-financially-support-yourself-in-order-to-get-a-permanent-residence-permit/", "income requirement, own income, 18–67";
    W74 => "W74", "https://www.udi.no/viktige-meldinger/lansering-av-ny-ko--og-timebestillingslosning-i-utlendingsforvaltningen-27.-mai--29.-mai-2024/", "police booking system from 27–29 May 2024 (published 28.05.2024)";
    W75 => "W75", "https://www.udi.no/har-fatt-svar/studietillatelse/har-fatt-ja-pa-soknad-om-studietillatelse/slik-skaffer-du-oppholdskort-hvis-du-sokte-16.-april-2021-eller-senere/", "lost in the mail: 'minst 20 arbeidsdagar'";
    W76 => "W76", "https://www.udi.no/informasjon-ukraina-russland/krisen-i-ukraina/vare-i-norge/beskyttelse-i-norge/har-fatt-svar/jeg-har-kollektiv-beskyttelse-og-tillatelsen-min-gar-snart-ut.-kan-jeg-fornye-tillatelsen/", "collective protection: automatic extension; card by post; child turned six";
    W77 => "W77", "https://udi.no/en/information-ukraine-and-russia/ukraine/i-want-to-extend-my-stay-in-norway/i-have-collective-protection-status-but-my-permit-is-expiring-soon.-is-there-anything-i-need-to-do", "same, English";
    W78 => "W78", "https://www.udi.no/en/information-ukraine-and-russia/situation-in-ukraine/stay-in-norway/protection-asylum-in-norway/received-an-answer/who-does-not-get-an-extension-of-collective-protection/", "who gets no extension";
    W79 => "W79", "https://udi.no/en/information-ukraine-and-russia/ukraine/i-have-received-an-answer-to-my-application/my-application-for-collective-protection-has-been-granted", "travel to Ukraine only with a legitimate purpose";
    W80 => "W80", "https://www.regjeringen.no/no/dokumenter/prop.-94-l-20232024/id3034997/", "Prop. 94 L (2023–2024): up to five years of collective protection";
    W81 => "W81", "https://udi.no/en/important-messages/important-changes-to-the-right-to-apply-for-collective-protection", "new applicants from 'safe' areas assessed individually (from 28 Sep 2024)";
    W82 => "W82", "https://www.regjeringen.no/no/dokumenter/g-052024-ikrafttredelse-av-endringer-i-utlendingsforskriften-7-5-a-avgrensning-av-personkretsen-som-omfattes-av-ordningen-med-midlertidig-kollektiv-beskyttelse-for-fordrevne-fra-ukraina/id3041388/", "G-05/2024: protection that ended cannot be granted again (1 Jul 2024)";
    W83 => "W83", "https://www.thelocal.no/20211004/why-brits-in-norway-may-need-to-get-their-post-brexit-residence-cards-changed/", "third party: Brexit cards must say 'Separasjonsavtalen EØS/EFTA-UK'";
    W84 => "W84", "https://udi.no/en/information-ukraine-and-russia/ukraine/i-have-received-an-answer-to-my-application/my-application-for-collective-protection-has-been-granted", "after five years: 'it is the government that decides whether this provision will be implemented' (undated)";
    W85 => "W85", "https://udiregelverk.no/en/documents/relevant-acts-and-regulations/utlendingsforskriften/kap11/", "Immigration Regulations § 11-1: the route to permanent residence after collective protection requires that the scheme has not ended";
    W86 => "W86", "https://stortinget.no/no/Saker-og-publikasjoner/Publikasjoner/Innstillinger/Stortinget/2024-2025/inns-202425-027l?m=0", "Innst. 27 L (2024–2025): up to five years of collective protection, then three years on a later permit before permanent residence (eight in all)";
    W87 => "W87", "https://travel-europe.europa.eu/ees/whom-does-ees-not-apply_en", "EU: the Entry/Exit System (fully in force 10 Apr 2026) does not apply to holders of residence permits";
    W88 => "W88", "https://www.utrop.no/nyheter/notis/236771/", "third party (3 Dec 2020) quoting circular G-27/2020: income requirement 2.5 × the basic amount G from 1 Jan 2021";
    W89 => "W89", "https://politiet.no/english/residence-permits-and-protection/residence-cards", "police: card by post up to 20 working days; returned cards; travel";
    W90 => "W90", "https://babel.ua/en/news/125211-norway-proposes-to-stop-providing-collective-protection-to-men-from-ukraine", "third party (26 Feb 2026): proposal to end collective protection for newly arrived men aged 18–60";
    H1 => "H1", "https://www.rettsdata.no/rettsdata-apen/helligdagsfredloven/l-gl19950224z2d12-r100001/", "Holiday Act 1995 § 2, § 3";
    H2 => "H2", "https://www.arbeidstilsynet.no/regelverk/lover/lov-om-1-og-17-mai/1/", "1 & 17 May Act § 1";
    H3 => "H3", "https://www.regjeringen.no/no/dokumenter/prop-81-l-20102011/id637277/?ch=5", "Easter definition fix";
    H4 => "H4", "https://snl.no/helligdag", "encyclopedia";
    H5 => "H5", "http://public-holidays.us/NO_NO_2024_All", "2024 dates (cross-check)";
    H6 => "H6", "https://www.halsa.kommune.no/tjenester/ny-i-halsa/flyktninger-og-integrering/for-deg-som-er-flyktning/offentlige-helligdager/", "2019/2020 dates (cross-check)";
    H7 => "H7", "http://the-uncensored-wiki.com:20082/articles/p/u/b/Public_holidays_in_Norway_3287.html", "Wikipedia copy ('40/50/51 days')";
    H8 => "H8", "https://docs.rs/crate/finquant/0.0.58/source/src/time/calendars/norway.rs", "library calendars (conflicts on eves)";
    X1 => "X1", "https://www.udino.integration.az.udiutv.no/...", "staging mirror; conflict flags only";
}

/// Whom a source's page is written for, where that is one group only. A finding lists such a
/// page only for a reader the answers place in the group (`engine::sources`): a lost-card result
/// listed the Brexit pages and a students' page (issue 24). Every other source is for
/// everyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Any reader.
    Everyone,
    /// UK nationals and their family members under the Brexit rules.
    Brexit,
    /// Holders of a study permit.
    Students,
    /// Holders of a work permit.
    Workers,
    /// Holders of a family immigration permit.
    Family,
    /// Refugees and others with protection (not collective).
    Protection,
    /// Ukrainians with temporary collective protection.
    Collective,
    /// EU/EEA citizens and their family members.
    EuEea,
    /// Holders of, and applicants for, a permanent permit or right.
    Permanent,
}

impl Source {
    /// Whom the page is written for. A page for one group that states a general rule too
    /// (the 90/180-day rule on a Brexit page, the card procedure on a student page) is for
    /// everyone.
    pub fn audience(self) -> Audience {
        use Source as S;
        match self {
            S::Seed004
            | S::W54
            | S::W55
            | S::W57
            | S::W58
            | S::W59
            | S::W60
            | S::W61
            | S::W62
            | S::W63
            | S::W83 => Audience::Brexit,
            S::W30 | S::W32 | S::W36 => Audience::Students,
            S::W31 => Audience::Workers,
            S::W64 => Audience::Family,
            S::W08 | S::W33 | S::W37 => Audience::Protection,
            S::W76
            | S::W77
            | S::W78
            | S::W79
            | S::W80
            | S::W81
            | S::W82
            | S::W84
            | S::W85
            | S::W86
            | S::W90 => Audience::Collective,
            S::W25 | S::W49 | S::W50 | S::W51 | S::W52 | S::W53 => Audience::EuEea,
            S::W27 | S::W34 => Audience::Permanent,
            _ => Audience::Everyone,
        }
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Serialize for Source {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// An entry of the rule book's conflict and ambiguity register (section J), `K1` … `K21`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Conflict {
    /// K1: card delivery time differs between pages (10 days … 20 working days).
    K1,
    /// K2: renewal lead time: "no later than one month" vs "three months" vs "2–3 months".
    K2,
    /// K3: absence limit for a permanent permit: 7 months in 3 years vs 10 months in 5 years.
    K3,
    /// K4: loss of a permanent permit: "two years" vs "more than two years"; 2-in-4 years rule.
    K4,
    /// K5: exempt absences: "up to 12 months" (Brexit) vs "shorter than 12 months" (EU).
    K5,
    /// K6: Brexit "six months in any one year": calendar or rolling year.
    K6,
    /// K7: immigrant's passport: "still need to book" vs "expired … not turned in".
    K7,
    /// K8: fee overlap: change of information (NOK 300) vs permanent status with a valid card (NOK 0).
    K8,
    /// K9: card lost abroad: "embassy of the country you are in" vs a Norwegian embassy.
    K9,
    /// K10: language-test age band: 16–55, 16–54 or 18–67.
    K10,
    /// K11: Ascension and Whitsun offsets: 39/49/50 vs 40/50/51 days (same dates).
    K11,
    /// K12: 24 and 31 December: working days by statute, closed in bank calendars.
    K12,
    /// K13: seed 000 says "appointment to obtain a residence permit" (means card).
    K13,
    /// K14: seed 001 says the card proves a "permanent" permit (wording slip).
    K14,
    /// K15: "working days" is not defined by any source.
    K15,
    /// K16: strong humanitarian grounds: 7 months in 3 years (seed 001) vs the five-year group.
    K16,
    /// K17: how to book: the Application Portal (seeds) vs the police's booking system (W74).
    K17,
    /// K18: card lost in the mail: +10 working days (seeds) vs at least +20 (W75).
    K18,
    /// K19: no transitional rule found for language applications registered just before
    /// 1 September 2025.
    K19,
    /// K20: collective protection: stays abroad in the "first year" (W76) vs "the last year"
    /// (W78 and the English pages) of the permit.
    K20,
    /// K21: collective protection after five years: the law allows a later permit (W86), the
    /// government decides whether it is used (W84), it lapses if the scheme ends (W85).
    K21,
}

impl Conflict {
    /// The register's number, 1 … 21.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }
}
