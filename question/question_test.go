package question

import (
	"strings"
	"testing"
)

func termWords(q Question) string {
	var ws []string
	for _, t := range q.Terms {
		if !t.Reaction {
			ws = append(ws, t.Word)
		}
	}
	return strings.Join(ws, " ")
}

func TestParse(t *testing.T) {
	tests := []struct {
		q       string
		kind    Kind
		expect  Expect
		speech  bool
		terms   string
		subject string
	}{
		{"who reacted to the Manchester leak", KindWho, ExpectPerson, true, "manchester leak", ""},
		{"What did Greta Lindqvist say about the Ibsen revival?", KindWhatSaid, ExpectAny, true, "greta lindqvist ibsen revival", "greta lindqvist"},
		{"how did ryanair respond to the regulator", KindHowRespond, ExpectAny, true, "ryanair regulator", "ryanair"},
		{"Which company recalled 1.3 million kettles this week?", KindWhich, ExpectOrg, false, "company recalled 1.3 million kettles", ""},
		{"Firefighters rescued 12 hikers who were stranded overnight. Where did the rescue happen?", KindWhere, ExpectPlace, false, "firefighters rescued 12 hikers stranded overnight rescue happen", ""},
		{"Train fares hit a new high. How much does a season ticket cost?", KindHowMuch, ExpectMoney, false, "train fares hit high season ticket cost", ""},
		{"How many weeks was the strike extended?", KindHowMany, ExpectNumber, false, "weeks strike extended", ""},
		{"what percentage of renters support the cap", KindHowMuch, ExpectPercent, false, "percentage renters support cap", ""},
		{"According to the Met Office, how soon will the snow arrive?", KindWhen, ExpectDate, false, "met office soon snow arrive", ""},
		{"What country banned disposable barbecues?", KindWhich, ExpectPlace, false, "country banned disposable barbecues", ""},
		{"What is the main cause of the delays?", KindWhat, ExpectAny, false, "main cause delays", ""},
		{"which green mp criticised the stadium plan", KindWhich, ExpectPerson, true, "green mp stadium plan", ""},
		{"which country welcomed the most tourists", KindWhich, ExpectPlace, false, "country tourists", ""},
		{"why did councils close the libraries", KindWhy, ExpectAny, false, "councils close libraries", ""},
		{"How did the company make its fortune?", KindOther, ExpectAny, false, "company make fortune", ""},
		{"What did the bakery make for the party?", KindWhat, ExpectAny, false, "bakery make party", ""},
		{"the manchester leak", KindOther, ExpectAny, false, "manchester leak", ""},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got := Parse(tt.q)
			if got.Kind != tt.kind || got.Expect != tt.expect || got.Speech != tt.speech {
				t.Errorf("got kind %s expect %q speech %v, want %s %q %v", got.Kind, got.Expect, got.Speech, tt.kind, tt.expect, tt.speech)
			}
			if w := termWords(got); w != tt.terms {
				t.Errorf("terms: got %q, want %q", w, tt.terms)
			}
			if got.Subject != tt.subject {
				t.Errorf("subject: got %q, want %q", got.Subject, tt.subject)
			}
		})
	}
}

// TestAcronyms checks that a word the question writes in capitals is
// neither a stop word nor a question word, and that a question typed in
// capitals throughout is read as if typed in lower case.
func TestAcronyms(t *testing.T) {
	tests := []struct {
		q       string
		kind    Kind
		expect  Expect
		terms   string
		subject string
		phrases string
	}{
		{"Which US company bought the startup?", KindWhich, ExpectOrg, "us company bought startup", "", ""},
		{"Which IT firm lost the contract?", KindWhich, ExpectOrg, "it firm lost contract", "", ""},
		{"What did the WHO say about the outbreak?", KindWhatSaid, ExpectAny, "who outbreak", "the who", ""},
		{"Has the WHO declared an emergency?", KindOther, ExpectAny, "who declared emergency", "", ""},
		{"Who in the US criticised the ruling?", KindWho, ExpectPerson, "us ruling", "", ""},
		{"tell us about the US Open draw", KindOther, ExpectAny, "us open draw", "", "US Open"},
		{"WHO REACTED TO THE MANCHESTER LEAK?", KindWho, ExpectPerson, "manchester leak", "", ""},
		{"HOW DID THE UNION RESPOND TO THE PAY OFFER", KindHowRespond, ExpectAny, "union pay offer", "the union", ""},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got := Parse(tt.q)
			if got.Kind != tt.kind || got.Expect != tt.expect {
				t.Errorf("got kind %s expect %q, want %s %q", got.Kind, got.Expect, tt.kind, tt.expect)
			}
			if w := termWords(got); w != tt.terms {
				t.Errorf("terms: got %q, want %q", w, tt.terms)
			}
			if got.Subject != tt.subject {
				t.Errorf("subject: got %q, want %q", got.Subject, tt.subject)
			}
			if p := strings.Join(got.Phrases, "|"); p != tt.phrases {
				t.Errorf("phrases: got %q, want %q", p, tt.phrases)
			}
		})
	}
	for _, tm := range Parse("WHO REACTED TO THE MANCHESTER LEAK?").Terms {
		if tm.Name {
			t.Errorf("%q is a name in a question typed in capitals", tm.Word)
		}
	}
}

func TestHostileQuestions(t *testing.T) {
	tests := []struct{ q, terms string }{
		{`+ - : ^ " ( ) ~ * ?`, ""},
		{"who is the what of them?", ""},
		{`title:leak AND "may" -rudd +trump~2 ^3 (amber*)`, "title leak rudd trump~2 amber"},
		{"\x00\xff\xfe strike\u202e", "strike"},
		{strings.Repeat("leak ", 10000), "leak"},
	}
	for _, tt := range tests {
		t.Run(tt.terms, func(t *testing.T) {
			got := termWords(Parse(tt.q))
			got = strings.ReplaceAll(got, "~2", "~2")
			if strings.ContainsAny(got, `+:^"()*?\`) {
				t.Errorf("syntax survived: %q", got)
			}
		})
	}
}

func TestPhrasesAndNames(t *testing.T) {
	q := Parse("What did the National Police Chiefs' Council and Theresa May say about the leak?")
	want := []string{"National Police Chiefs' Council", "Theresa May"}
	if strings.Join(q.Phrases, "|") != strings.Join(want, "|") {
		t.Errorf("phrases: got %q, want %q", q.Phrases, want)
	}
	names := map[string]bool{}
	for _, tm := range q.Terms {
		names[tm.Word] = tm.Name
	}
	if !names["theresa"] || !names["council"] || names["leak"] {
		t.Errorf("name flags: got %v", names)
	}
	if got := Parse("who said owen baxter's pension plan was fair").Pairs; strings.Join(got, "|") != "owen baxter|pension plan" {
		t.Errorf("pairs: got %q", got)
	}
}

func TestVariants(t *testing.T) {
	tests := map[string]string{
		"criticise": "criticise criticize", "criticized": "criticized criticised",
		"labour": "labour labor", "color": "color colour", "defence": "defence defense",
		"travelled": "travelled traveled", "traveled": "traveled travelled", "recalled": "recalled",
		"manchester": "manchester", "centre": "centre center", "organisation": "organisation organization",
		"exercise": "exercise", "leak": "leak", "four": "four",
	}
	for w, want := range tests {
		if got := strings.Join(Variants(w), " "); got != want {
			t.Errorf("Variants(%q): got %q, want %q", w, got, want)
		}
	}
}

func TestRecent(t *testing.T) {
	tests := []struct {
		q    string
		want bool
	}{
		{"Which city was flooded after the storm this week?", true},
		{"Which long-running sitcom was recently cancelled?", true},
		{"Which tennis player announced her engagement on Friday?", true},
		{"Which club won the 2019 league title?", false},
		{"who reacted to the Manchester leak", false},
		{"what did this weekly magazine say", false},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			if got := Parse(tt.q).Recent; got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestReactionPhrases(t *testing.T) {
	tests := []struct {
		q       string
		kind    Kind
		speech  bool
		terms   string
		subject string
	}{
		{"how did ofsted hit back at the staffing report", KindHowRespond, true, "ofsted staffing report", "ofsted"},
		{"who laid into wales for moaning about the weather", KindWho, true, "wales moaning weather", ""},
		{"who pushed back on the autoplay setting", KindWho, true, "autoplay setting", ""},
		{"how far back did the hit single chart", KindOther, false, "far back hit single chart", ""},
		{"which minister was criticised over the delays", KindWhich, false, "minister delays", ""},
		{"which firm is being accused of hiding its losses", KindWhich, false, "firm hiding losses", ""},
		{"which company accused its rival of poaching staff", KindWhich, true, "company rival poaching staff", ""},
		// inflections of listed verbs, and a focus noun no table knows
		{"how is the ferry operator defending its timetable", KindHowRespond, true, "ferry operator timetable", "the ferry operator"},
		{"who is slamming the stadium plan", KindWho, true, "stadium plan", ""},
		{"which senate democrats criticised the pipeline", KindWhich, true, "senate democrats pipeline", ""},
		{"which film did critics praise at the festival", KindWhich, false, "film festival", ""},
		{"the league suspended which driver after it said he crashed on purpose", KindWhich, false, "league suspended driver crashed purpose", ""},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got := Parse(tt.q)
			if got.Kind != tt.kind || got.Speech != tt.speech {
				t.Errorf("got kind %s speech %v, want %s %v", got.Kind, got.Speech, tt.kind, tt.speech)
			}
			if w := termWords(got); w != tt.terms {
				t.Errorf("terms: got %q, want %q", w, tt.terms)
			}
			if got.Subject != tt.subject {
				t.Errorf("subject: got %q, want %q", got.Subject, tt.subject)
			}
		})
	}
}

func TestCompoundTerms(t *testing.T) {
	tests := []struct{ q, terms string }{
		{"Which region was struck by a 5.8-magnitude tremor?", "region struck 5.8 magnitude tremor"},
		{"who banned candy-flavored drinks", "banned candy flavored drinks"},
		{"when did Vision-2030 projects begin", "vision-2030 projects begin"},
		{"about three-and-a-half years since the merger closed", "three-and-a-half years since merger closed"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			if got := termWords(Parse(tt.q)); got != tt.terms {
				t.Errorf("got %q, want %q", got, tt.terms)
			}
		})
	}
}

func TestSource(t *testing.T) {
	tests := []struct{ q, want string }{
		{"According to the Met Office, how soon will the heatwave end?", "met office"},
		{"How much, according to RAC, does a litre of diesel cost?", "rac"},
		{"Which city, according to a new study by the European Environment Agency, is warming fastest?", "european environment agency"},
		{"According to what was said at the meeting by all of them, who won?", ""},
		{"How soon will the heatwave end?", ""},
	}
	for _, tt := range tests {
		if got := Parse(tt.q).Source; got != tt.want {
			t.Errorf("%q: source %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestEquivalents(t *testing.T) {
	tests := []struct {
		q, word string
		want    []string // variants that must be there
		not     []string // variants that must not
	}{
		{"Which movie opened the festival?", "movie", []string{"movie", "film"}, nil},
		{"Which films opened the festival?", "films", []string{"films", "movie"}, nil},
		{"who said mobile phones were unsafe in class", "mobile", []string{"mobile", "cell phone", "cellphone"}, nil},
		{"who said mobile phones were unsafe in class", "phones", []string{"phones", "cellphone"}, nil},
		{"Which bank lost its CEO?", "ceo", []string{"ceo", "chief executive"}, nil},
		{"Which soccer club signed the striker?", "soccer", []string{"soccer", "football"}, nil},
		{"Which football club signed the striker?", "football", []string{"football"}, []string{"soccer"}},
		{"Why did petrol prices fall in March?", "petrol", []string{"petrol", "gasoline"}, []string{"gas"}},
		{"who sold the phones at the mobile library", "mobile", []string{"mobile"}, []string{"cellphone"}},
	}
	for _, tt := range tests {
		var got []string
		for _, term := range Parse(tt.q).Terms {
			if term.Word == tt.word {
				got = term.Variants
			}
		}
		for _, w := range tt.want {
			if !contains(got, w) {
				t.Errorf("%q: %s has variants %q, want %q among them", tt.q, tt.word, got, w)
			}
		}
		for _, w := range tt.not {
			if contains(got, w) {
				t.Errorf("%q: %s has variants %q, want no %q", tt.q, tt.word, got, w)
			}
		}
	}
}
