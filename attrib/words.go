package attrib

// Word lists. They describe English news prose in general, not any article.

// speechVerbs introduce reported or direct speech.
var speechVerbs = setOf("said", "says", "say", "told", "tells", "added", "adds", "warned", "warns",
	"declared", "declares", "pledged", "pledges", "noted", "tweeted", "tweets", "announced",
	"announces", "insisted", "insists", "argued", "argues", "claimed", "admitted", "admits",
	"stated", "explained", "explains", "urged", "urges", "continued", "stressed", "stresses",
	"acknowledged", "conceded", "concedes", "commented", "confirmed", "confirms", "revealed",
	"predicted", "predicts", "replied", "responded", "wrote", "writes", "maintained",
	"maintains", "reckons", "suggested", "suggests", "accepted", "agreed", "agrees", "asked",
	"emphasised", "emphasized", "observed", "remarked", "recalled", "promised", "vowed",
	"blogged", "posted", "cautioned", "countered", "complained", "complains", "alleged",
	"alleges", "assured", "boasted", "joked", "laughed", "reported", "estimated", "believes",
	"thinks", "feels")

// weakVerbs continue a sentence whose subject is the speaker: "X welcomed
// the ruling, saying ...".
var weakVerbs = setOf("saying", "adding", "insisting", "warning", "arguing", "claiming",
	"explaining", "telling", "noting", "stressing", "declaring", "urging")

// statementNouns follow "issued a ..." / "released a ...".
var statementNouns = setOf("statement", "warning", "comment", "response", "apology", "appeal", "plea")

var statementVerbs = setOf("issued", "released", "published", "made", "put", "gave")

// connectors may join capitalised words inside one name.
var connectors = setOf("of", "for", "and", "in", "at", "on", "the", "de", "du", "von", "van",
	"der", "la", "le", "da", "di", "del", "bin", "al", "&")

// honorifics precede a person's surname.
var honorifics = setOf("Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof", "Prof.")

// titles are capitalised roles that precede a name: "Home Secretary Amber Rudd".
var titles = setOf("President", "Minister", "Secretary", "Chancellor", "Chairman", "Chairwoman",
	"Chair", "Director", "Fellow", "Professor", "Senator", "Sen.", "Governor", "Gov.", "Mayor",
	"Commissioner", "Chief", "Executive", "Officer", "Ambassador", "Judge", "General", "Gen.",
	"Colonel", "Captain", "Coach", "Manager", "Leader", "Correspondent", "Editor", "Analyst",
	"Economist", "Spokesman", "Spokeswoman", "Spokesperson", "Deputy", "Inspector",
	"Superintendent", "Detective", "Sergeant", "Lieutenant", "Admiral", "Bishop", "Archbishop",
	"Cardinal", "Pope", "King", "Queen", "Prince", "Princess", "Reverend", "Rev.", "Attorney",
	"Solicitor", "Counsel", "Adviser", "Advisor", "Founder", "Head", "MP", "MEP", "MSP",
	"Representative", "Rep.", "Premier", "Speaker", "Whip", "Counsellor", "Constable", "Marshal",
	"Mullah", "Sheikh", "Rabbi", "Imam", "Vice", "Senior", "Researcher", "Lecturer", "Presenter",
	"CEO", "CFO", "COO", "CTO", "Sheriff", "Prosecutor", "Commander", "Councillor", "Councilor",
	"Councilman", "Councilwoman", "Alderman", "DJ", "PM", "Agent")

// orgWords mark a name as an organisation's.
var orgWords = setOf("Council", "Commission", "Committee", "Police", "Embassy", "Party", "Ministry",
	"Department", "Office", "Agency", "Association", "Federation", "Union", "Institute",
	"Foundation", "Board", "Bank", "Group", "Company", "Corporation", "Corp", "Corp.", "Inc",
	"Inc.", "Ltd", "Ltd.", "plc", "PLC", "University", "College", "Trust", "Authority", "Service",
	"Services", "Organisation", "Organization", "Society", "Fund", "Forum", "Court", "Parliament",
	"Government", "Club", "League", "Network", "Studios", "Records", "Airlines", "Airways",
	"Alliance", "Coalition", "Campaign", "Industries", "Holdings", "Securities",
	"Centre", "Center", "Army", "Navy", "Force", "Studies", "Bureau", "Administration",
	"Confederation", "Congress", "Senate", "Assembly", "Institution", "Watch", "Partnership",
	"Executive", "Games", "Motors", "Telecom", "Communications", "Systems", "Technologies",
	"Entertainment", "Pictures", "Media", "Press", "Times", "Post", "Radio", "Television", "News",
	"Unit", "Squad", "Cabinet", "Treasury", "Directorate", "Secretariat", "Mission",
	"Consortium", "Labs", "Laboratories")

// pronouns refer back to the last speaker of their kind.
var personPronouns = setOf("he", "she", "He", "She")
var orgPronouns = setOf("it", "It", "they", "They")

// spokesNouns speak for an organisation: "an Acme spokesman".
var spokesNouns = setOf("spokesman", "spokeswoman", "spokesperson", "spokespeople",
	"representative", "spokesmen")

// personNouns refer back to a named person: "the minister added".
var personNouns = setOf("minister", "secretary", "chancellor", "president", "chairman",
	"chairwoman", "executive", "boss", "director", "leader", "manager", "coach", "player",
	"star", "singer", "actor", "actress", "mp", "premier", "governor", "mayor", "senator",
	"founder", "head", "chief", "striker", "captain", "midfielder", "defender", "keeper",
	"goalkeeper", "champion", "author", "writer", "producer", "musician", "rapper",
	"presenter", "comedian", "judge", "ambassador", "professor", "analyst", "economist",
	"prime", "veteran", "former", "winner", "frontman", "band", "commissioner", "official",
	"campaigner", "lawyer", "expert", "spokesperson", "chair", "fellow", "international",
	"sheriff", "attorney", "prosecutor", "detective", "officer", "inspector", "superintendent",
	"pollster", "strategist", "nurse", "doctor", "researcher", "scientist", "historian",
	"lawmaker", "legislator", "congressman", "congresswoman", "councilman", "councilwoman",
	"councillor", "diplomat", "negotiator", "activist", "organiser", "organizer", "resident",
	"attendee", "artist", "athlete", "teacher", "principal", "student", "ceo", "cfo", "vice")

// orgNouns refer back to a named organisation: "the firm said".
var orgNouns = setOf("company", "firm", "group", "bank", "statement", "spokesman",
	"spokeswoman", "agency", "council", "government", "ministry", "department", "organisation",
	"organization", "union", "club", "embassy", "police", "commission", "committee", "board",
	"association", "federation", "party", "charity", "regulator", "airline", "retailer",
	"carmaker", "operator", "network", "channel", "broadcaster", "studio", "label", "body",
	"watchdog", "court", "authority", "institute", "foundation", "corporation", "giant",
	"maker", "chain", "service", "website", "site", "insurer", "lender", "manufacturer",
	"supermarket", "office", "team", "trust", "society", "league", "consortium")

// genericOrgNouns can stand for any organisation; the others need one whose
// name contains them ("the council" → "Bristol City Council").
var genericOrgNouns = setOf("company", "firm", "group", "statement", "spokesman", "spokeswoman",
	"giant", "maker", "chain", "body", "operator", "organisation", "organization")

// determiners introduce a back reference ("the firm") or a spokesman.
var determiners = setOf("the", "The", "a", "A", "an", "An", "its", "Its", "their", "his", "her")

// skippable words may stand between a subject and its verb: "Rudd had already
// issued", "The embassy similarly tweeted".
var skippable = setOf("has", "have", "had", "also", "later", "previously", "then", "similarly",
	"yesterday", "today", "recently", "already", "again", "once", "earlier", "subsequently",
	"would", "last", "night", "week", "month", "year", "on", "Monday", "Tuesday",
	"Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "however", "too", "himself",
	"herself", "itself", "themselves", "now", "separately", "further")

// afterName may follow the name in "said X ...".
var afterName = setOf("who", "in", "on", "at", "after", "adding", "when", "yesterday", "today",
	"last", "this", "during", "before", "while", "as", "earlier", "told", "speaking", "whose",
	"saying", "of", "from", "to")

// abbreviations of titles, spelt out: "Gov." is a governor.
var abbreviations = map[string]string{"gov.": "governor", "sen.": "senator", "rep.": "representative",
	"lt.": "lieutenant", "gen.": "general", "atty.": "attorney", "supt.": "superintendent",
	"sgt.": "sergeant", "capt.": "captain", "det.": "detective", "insp.": "inspector",
	"prof.": "professor", "col.": "colonel", "adm.": "admiral", "pres.": "president"}
