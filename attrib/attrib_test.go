package attrib

import (
	"strings"
	"testing"
)

// The paragraphs below are short quotations from the seed article and the
// BBC corpus.
func TestAttribute(t *testing.T) {
	type want struct {
		para       int
		name, role string
	}
	tests := []struct {
		name  string
		paras []string
		want  []want // in order over all paragraphs; nil: no speaker anywhere
	}{
		{"title before name, quote after", []string{
			"U.K. Prime Minister Theresa May similarly declared, “I will make clear to President Trump that intelligence that is shared between our law enforcement agencies must remain secure.”"},
			[]want{{0, "Theresa May", "U.K. Prime Minister"}}},
		{"long title, clause before", []string{
			"TheNYT report essentially amounted to “damage assessment” that a terrorist bomb-maker could use to improve his next deadly device, Senior Fellow at the Royal United Services Institute for Defence and Security Studies Shashank Joshi noted on Twitter Wednesday."},
			[]want{{0, "Shashank Joshi", "Senior Fellow at the Royal United Services Institute for Defence and Security Studies"}}},
		{"issued a warning that", []string{
			"U.K. Home Secretary Amber Rudd had already issued a warning Wednesday that U.S. leaks regarding the bombing were “irritating.”"},
			[]want{{0, "Amber Rudd", "U.K. Home Secretary"}}},
		{"pronoun continues, organisation via it", []string{
			"The Manchester Police’s fury erupted Thursday when it announced that it would stop sharing intelligence on the bombing with U.S. agencies until assurances could be made that the leaks would stop."},
			[]want{{0, "Manchester Police", ""}}},
		{"members for their body, the statement says", []string{
			"The National Police Chiefs in the council issued a damning statement after TheNYT leak, saying that it “damaged” the U.K.-U.S. intelligence relationship. “[The] damage is even greater when it involves unauthorised disclosure of potential evidence in the middle of a major counter-terrorism investigation,” the statement says."},
			[]want{{0, "National Police Chiefs' Council", ""}}},
		{"told, he continued", []string{
			"Israeli Defense Minister Avigdor Lieberman told Israeli Army Radio that the country had undergone a “pinpoint correction” in its intelligence relationship with the U.S.",
			"He continued, “All of the conclusions we had to draw – it was all done.”"},
			[]want{{0, "Avigdor Lieberman", "Israeli Defense Minister"}, {1, "Avigdor Lieberman", "Israeli Defense Minister"}}},
		{"said a spokesman, then the spokesman said", []string{
			`Vodafone's response to the Commission's letter was defiant. "We believe the roaming market is competitive and we expect to resist the charges," said a Vodafone spokesman.`,
			`The companies will have three months to respond to the Commission's allegations and the process "may go on for some time yet", the spokesman said.`},
			[]want{{0, "Vodafone", ""}, {1, "Vodafone", ""}}},
		{"short organisation name resolved", []string{
			`The European Commission has written to the mobile phone operators Vodafone and T-Mobile to challenge "the high rates" they charge for international roaming.`,
			`"The Commission aims to ensure that European consumers are not overcharged when they use their mobile phones on their travels around the European Union," the Commission said in a statement.`},
			[]want{{1, "European Commission", ""}}},
		{"a spokesman's words are his, not also his organisation's", []string{
			`"In our opinion it is a generic designation and we do not have any other name or term for this type of cheese," Hans Arne Kristiansen, a spokesman for the Danish Dairy Board, told the BBC.`},
			[]want{{0, "Hans Arne Kristiansen", "spokesman for the Danish Dairy Board"}}},
		{"said role name, then name appositive", []string{
			`"This is a momentous day in the fight for victims and their families," said asbestosis sufferer Bernie Banton, who leads a victims' association. James Hardie chairwoman, Meredith Hellicar, said the deal provided for a funding arrangement "that is affordable, sensible and workable".`},
			[]want{{0, "Bernie Banton", "asbestosis sufferer"}, {0, "Meredith Hellicar", "James Hardie chairwoman"}}},
		{"quote after a sentence naming its subject", []string{
			`Dave Prentis criticised the plans. "If you want world class public services you don't get that by hitting people as they approach retirement."`},
			[]want{{0, "Dave Prentis", ""}}},
		{"a role noun that fits nobody named is not the last person", []string{
			`President Donald Trump pledged in a statement to get to the bottom of the leaks.`,
			`The embassy also tweeted that it would investigate, and the acting ambassador said the matter was taken very seriously.`},
			[]want{{0, "Donald Trump", "President"}}},
		{"split quote", []string{
			`Retail analyst Jane Smith was not surprised. "The most popular way to pay is Cash-On-Delivery," she said, "and that's quite a brake to the development of e-commerce."`},
			[]want{{0, "Jane Smith", "Retail analyst"}}},
		{"Mr resolves to full name, told the BBC", []string{
			`There are also other pressures making banks turn to Windows said Dominic Hirsch, managing director of financial analysis firm Retail Banking Research.`,
			`But Mr Hirsch from Retail Banking Research said the number of cash machines actually at risk was low because so few were upgraded every year.`},
			[]want{{0, "Dominic Hirsch", "managing director of financial analysis firm Retail Banking Research"},
				{1, "Dominic Hirsch", "Retail Banking Research"}}},
		{"according to", []string{
			`According to Reuters, they plan to seize 12,900 acres (5,200 hectares) from the 32,000 acre (13,000 hectare) farm.`},
			[]want{{0, "Reuters", ""}}},
		{"quote opens in one paragraph and continues in the next", []string{
			`Tory leader Michael Howard said: "We look to the president to be a unifying force.`,
			`"We hope for a stronger transatlantic alliance."`},
			[]want{{0, "Michael Howard", "Tory leader"}, {1, "Michael Howard", "Tory leader"}}},
		{"nested quote belongs to the outer speaker", []string{
			`"He told me 'we said nothing wrong' and I believed him," Mr Smith said.`},
			[]want{{0, "Mr Smith", ""}}},
		{"quote with no speaker", []string{
			`Britain's sole feta producer called the ruling "unfair and excessive".`},
			nil},
		{"mention without speech", []string{
			`The case will also have a major impact on Britain's sole feta producer, Yorkshire company Shepherds Purse Cheeses.`},
			nil},
		{"pronoun after a sentence naming its subject means that subject", []string{
			`"If the ball is at the back of the ruck then I will do that," said Grewcock.`,
			`Wales coach Mike Ruddock was not impressed. "The boy himself should look at his actions," he said.`},
			[]want{{0, "Grewcock", ""}, {1, "Mike Ruddock", "Wales coach"}}},
		{"first verb's subject speaks, after a quote left open", []string{
			`"So I'm now used to the fact that the press can be against me at times. Meanwhile, Egypt FA spokesman Methat Shalaby welcomed the apology and said no one had exerted pressure on Mido to apologise. "Mido's apology today does not negatively affect Mido in anyway," Shalaby said.`},
			[]want{{0, "Methat Shalaby", "Egypt FA spokesman"}}},
		{"a second verb joined by and has the first verb's speaker", []string{
			`Tory peer Lord Tebbit said he agreed with Dr Fox's view, and said the case should be looked at on its merits.`},
			[]want{{0, "Lord Tebbit", ""}}},
		{"an ordinary word opening the sentence is no speaker for a second verb", []string{
			`Business groups welcomed the MPC's widely-expected move to leave rates on hold and cautioned against further rises.`},
			nil},
		{"analyst speaks for no trade", []string{
			`Retail analyst Jane Smith said shoppers were cautious.`},
			[]want{{0, "Jane Smith", "Retail analyst"}}},
		{"a pronoun with a verb is never a name", []string{
			`They’ve said the plan "will not work at all".`, `Its spokesman said the firm would appeal.`},
			nil},
		{"pronoun without antecedent is never a name", []string{
			`"We are surprised," he said.`},
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Attribute(tc.paras)
			var flat []want
			listed := map[want]bool{} // a speaker is listed once per statement; compare once per paragraph
			for i, ss := range got {
				for _, s := range ss {
					if w := (want{i, s.Name, s.Role}); !listed[w] {
						listed[w] = true
						flat = append(flat, w)
					}
					if s.Quote == "" || !strings.Contains(tc.paras[i], s.Quote) {
						t.Errorf("paragraph %d: quote %q of %q is not a substring", i, s.Quote, s.Name)
					}
				}
			}
			if len(flat) != len(tc.want) {
				t.Fatalf("got %v, want %v", flat, tc.want)
			}
			for i := range flat {
				if flat[i] != tc.want[i] {
					t.Errorf("speaker %d: got %+v, want %+v", i, flat[i], tc.want[i])
				}
			}
		})
	}
}

func TestAttributeKeepsWholeQuote(t *testing.T) {
	words := strings.TrimSpace(strings.Repeat("This is a long sentence that goes on and on. ", 12))
	got := Attribute([]string{`"` + words + `" said Mr Smith.`})
	if len(got[0]) != 1 {
		t.Fatalf("got %v, want one speaker", got[0])
	}
	if q := got[0][0].Quote; q != words {
		t.Errorf("got quote %q, want the whole quotation %q", q, words)
	}
}

// TestAttributeKeepsEachStatement checks that one speaker's several
// statements in a paragraph are each listed, so a passage cut from the
// middle of a long paragraph keeps its speaker.
func TestAttributeKeepsEachStatement(t *testing.T) {
	para := `"Windows cash machines have been around for several years," said Dominic Hirsch. ` +
		`"Most banks simply upgrade as part of their usual replacement cycle," he said. ` +
		`"It's pretty unusual to hear about virus problems with ATMs," he added.`
	got := Attribute([]string{para})[0]
	var quotes []string
	for _, s := range got {
		if s.Name != "Dominic Hirsch" {
			t.Errorf("got speaker %q, want only Dominic Hirsch", s.Name)
		}
		quotes = append(quotes, s.Quote)
	}
	if len(quotes) != 3 {
		t.Fatalf("got quotes %q, want 3", quotes)
	}
	if want := "It's pretty unusual to hear about virus problems with ATMs"; quotes[2] != want {
		t.Errorf("got last quote %q, want %q", quotes[2], want)
	}
}
