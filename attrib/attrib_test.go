package attrib

import (
	"strings"
	"testing"
)

// The paragraphs below are short quotations from the seed article, and
// sentences written for these tests in the shapes news prose takes.
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
			`Acme's reply to the regulator was firm. "We believe the market is competitive and we will resist the charges," said an Acme spokesman.`,
			`The firms have three months to answer the regulator and the process "may take some time yet", the spokesman said.`},
			[]want{{0, "Acme", ""}, {1, "Acme", ""}}},
		{"short organisation name resolved", []string{
			`The European Commission has written to the airlines to challenge "the high fees" they charge for luggage.`,
			`"The Commission wants travellers to know what they will pay before they book," the Commission said in a statement.`},
			[]want{{1, "European Commission", ""}}},
		{"a spokesman's words are his, not also his organisation's", []string{
			`"In our opinion it is a generic name and there is no other word for this kind of cheese," Hans Berg, a spokesman for the Danish Milk Board, told reporters.`},
			[]want{{0, "Hans Berg", "spokesman for the Danish Milk Board"}}},
		{"said role name, then name appositive", []string{
			`"This is a great day for patients and their families," said asthma sufferer Dan Reed, who leads a patients' group. Acme Foods chairwoman, Ann Lee, said the deal provided for a funding plan "that is fair, sensible and workable".`},
			[]want{{0, "Dan Reed", "asthma sufferer"}, {0, "Ann Lee", "Acme Foods chairwoman"}}},
		{"quote after a sentence naming its subject", []string{
			`Ann Lee criticised the plans. "If you want good public services you do not get them by cutting pensions."`},
			[]want{{0, "Ann Lee", ""}}},
		{"a role noun that fits nobody named is not the last person", []string{
			`President Donald Trump pledged in a statement to get to the bottom of the leaks.`,
			`The embassy also tweeted that it would investigate, and the acting ambassador said the matter was taken very seriously.`},
			[]want{{0, "Donald Trump", "President"}}},
		{"split quote", []string{
			`Retail analyst Jane Smith was not surprised. "The most popular way to pay is cash on delivery," she said, "and that's quite a brake on online shopping."`},
			[]want{{0, "Jane Smith", "Retail analyst"}}},
		{"Mr resolves to full name, said before the name", []string{
			`More banks are switching to cloud systems said Dan Reed, managing director of the consultancy Bank Systems Research.`,
			`But Mr Reed from Bank Systems Research said the number of branches at risk was low.`},
			[]want{{0, "Dan Reed", "managing director of the consultancy Bank Systems Research"},
				{1, "Dan Reed", "Bank Systems Research"}}},
		{"according to", []string{
			`According to Reuters, they plan to seize 12,900 acres (5,200 hectares) from the farm.`},
			[]want{{0, "Reuters", ""}}},
		{"quote opens in one paragraph and continues in the next", []string{
			`Party leader Ann Lee said: "We look to the president to be a unifying force.`,
			`"We hope for a stronger alliance."`},
			[]want{{0, "Ann Lee", "Party leader"}, {1, "Ann Lee", "Party leader"}}},
		{"a quotation paragraph continues the speaker before", []string{
			`"We did everything we could," said union leader Ann Lee.`,
			`"Our members are exhausted."`},
			[]want{{0, "Ann Lee", "union leader"}, {1, "Ann Lee", "union leader"}}},
		{"a quotation whose own cue cannot be read goes to no one, not the speaker before", []string{
			`"We did everything we could," said union leader Ann Lee.`,
			`"The deal is off and it will stay off," said the man who brokered it.`,
			`"Our members are exhausted."`},
			[]want{{0, "Ann Lee", "union leader"}}},
		{"nested quote belongs to the outer speaker", []string{
			`"He told me 'we said nothing wrong' and I believed him," Mr Smith said.`},
			[]want{{0, "Mr Smith", ""}}},
		{"quote with no speaker", []string{
			`Britain's only producer called the ruling "unfair and excessive".`},
			nil},
		{"mention without speech", []string{
			`The case will also affect Britain's only producer, the Yorkshire company Acme Cheeses.`},
			nil},
		{"pronoun after a sentence naming its subject means that subject", []string{
			`"If the ball is at the back of the ruck then I will do that," said Lee.`,
			`Wales coach Dan Reed was not impressed. "The boy should look at his actions," he said.`},
			[]want{{0, "Lee", ""}, {1, "Dan Reed", "Wales coach"}}},
		{"a pronoun after a sentence naming two people is no one's", []string{
			`Councillor Dan Reed thanked mayor Tom Hale for the repairs.`,
			`"It was a long three weeks," he said.`},
			nil},
		{"of two people, the one who speaks in the sentence", []string{
			`"We will appeal," said Dan Reed, whose client Tom Hale was banned.`,
			`"The ruling is wrong," he said.`},
			[]want{{0, "Dan Reed", ""}, {1, "Dan Reed", ""}}},
		{"what a pronoun's clause names is what was said, not who", []string{
			`Mayor Ann Lee opened the meeting.`, `Voters chose Reed, and they were right, she said.`},
			[]want{{1, "Ann Lee", "Mayor"}}},
		{"the role a back reference names", []string{
			`"We are still searching," said Essex County Sheriff Dan Reed.`,
			`The search would go on all night, the sheriff said.`},
			[]want{{0, "Dan Reed", "Essex County Sheriff"}, {1, "Dan Reed", "Essex County Sheriff"}}},
		{"a role two people hold is no one's", []string{
			`Police Commissioner Dan Reed and Fire Commissioner Tom Hale met on Monday.`,
			`"We will work together," the commissioner said.`},
			nil},
		{"first verb's subject speaks, after a quote left open", []string{
			`"So I'm now used to the fact that the press can be against me at times. Meanwhile, club spokesman Dan Reed welcomed the apology and said no one had put pressure on the player. "The apology does not hurt him in any way," Reed said.`},
			[]want{{0, "Dan Reed", "club spokesman"}}},
		{"a second verb joined by and has the first verb's speaker", []string{
			`Party peer Lord Hale said he agreed with the minister, and said the case should be judged on its merits.`},
			[]want{{0, "Lord Hale", ""}}},
		{"an ordinary word opening the sentence is no speaker for a second verb", []string{
			`Business groups welcomed the bank's widely expected move to leave rates on hold and cautioned against further rises.`},
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
		{"two names speaking together are no one", []string{
			`Iran and Israel said the talks had failed.`, `Labour and the Liberal Democrats said the vote should be held at once.`},
			nil},
		{"an outlet told or written to is no speaker", []string{
			`"Never use recalled products," Ann Lee, a spokeswoman for the agency, told USA TODAY.`,
			`The chairs were withdrawn in March, her office confirmed to USA TODAY.`},
			[]want{{0, "Ann Lee", "spokeswoman for the agency"}}},
		{"the one quoted speaks, not the paper quoting, which reported and did not speak", []string{
			`Acme said it would cut prices, The Daily Post reported. "Shoppers are very sensitive to prices," it quoted chief executive Dan Reed saying.`},
			[]want{{0, "Acme", ""}, {0, "Dan Reed", "chief executive"}}},
		{"a news outlet cited as the source is no speaker", []string{
			`The plant will close in May, the Denver Post reported.`,
			`The talks had "gone nowhere", said The Guardian.`,
			`Prices rose 3%, according to the Casper Star-Tribune.`,
			`"We will appeal," Ann Lee told CNN. CNN said the ruling was expected within weeks.`,
			`Acme has cut 200 jobs, Reuters reported.`,
			`The Sun said the couple had "moved on".`},
			[]want{{3, "Ann Lee", ""}}},
		{"an outlet speaking for itself speaks; one named like a person is a person", []string{
			`A Daily Post spokesman said the paper stood by its reporting.`,
			`The Daily Post issued a statement saying it would appeal.`,
			`Emily Post said the storm was the worst in years.`,
			`Jessica Sun said the plan would fail.`},
			[]want{{0, "Daily Post", ""}, {1, "Daily Post", ""}, {2, "Emily Post", ""}, {3, "Jessica Sun", ""}}},
		{"words given to describe something are the describer's", []string{
			`Ann Lee, the mayor's sister, called the plan "a ploy to win votes at any cost."`,
			`Dan Reed of the Parents' Campaign accused the minister of "playing politics with children's health".`,
			`The council called the building a landmark.`},
			[]want{{0, "Ann Lee", "mayor's sister"}, {1, "Dan Reed", "Parents' Campaign"}}},
		{"where a person spoke or wrote is neither name nor role", []string{
			`"The plan is a mess from start to finish," said Ann Lee in The Daily Post.`,
			`"It will never work," wrote Dan Reed in the Morning Herald on Monday.`,
			`Mr Hale in Parliament said the plan "would not survive the summer".`,
			`"No one was hurt," said FBI Special Agent in Charge Tom Ward.`,
			`The U.S. Embassy in London said the visa rules would not change.`},
			[]want{{0, "Ann Lee", ""}, {1, "Dan Reed", ""}, {2, "Mr Hale", ""},
				{3, "Tom Ward", "FBI Special Agent in Charge"}, {4, "U.S. Embassy in London", ""}}},
		{"said, an organisation, role words and the person", []string{
			`"Rates will stay high," said Acme Corp. senior vice president Dan Reed.`,
			`"The data are clear," said U.K. Met Office senior scientist Ann Lee, who led the study.`,
			`"We will appeal," said Acme campaign spokesman Tom Ward.`},
			[]want{{0, "Dan Reed", "Acme Corp. senior vice president"}, {1, "Ann Lee", "U.K. Met Office senior scientist"},
				{2, "Tom Ward", "Acme campaign spokesman"}}},
		{"a pronoun after someone's role and name means the one named", []string{
			`Costs will fall, said Acme's chief operating officer Dan Reed.`, `"Why build your own?" he asked.`},
			[]want{{0, "Dan Reed", "Acme's chief operating officer"}, {1, "Dan Reed", "Acme's chief operating officer"}}},
		{"whom a source is close to is not the source; whom a document is from is", []string{
			`"We expect a fight," said a person close to Dan Reed.`,
			`The talks will go on, according to a statement from Ann Lee.`},
			[]want{{1, "Ann Lee", "statement from"}}},
		{"an honorific's name ends before the body it is of", []string{
			`"Prices will rise," said Dr Ann Lee of the Institute for Fiscal Studies.`},
			[]want{{0, "Ann Lee", "Institute for Fiscal Studies"}}},
		{"a name opening the sentence is the subject of the appositives after it", []string{
			`Ann Lee, director of Acme, a charity for the blind, said in a statement: "The plan is a disgrace."`},
			[]want{{0, "Ann Lee", "director of Acme"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Attribute("", tc.paras)
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
	got := Attribute("", []string{`"` + words + `" said Mr Smith.`})
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
	para := `"Cloud systems have been around for several years," said Dan Reed. ` +
		`"Most banks simply upgrade as part of their usual cycle," he said. ` +
		`"It's pretty unusual to hear about outages like this," he added.`
	got := Attribute("", []string{para})[0]
	var quotes []string
	for _, s := range got {
		if s.Name != "Dan Reed" {
			t.Errorf("got speaker %q, want only Dan Reed", s.Name)
		}
		quotes = append(quotes, s.Quote)
	}
	if len(quotes) != 3 {
		t.Fatalf("got quotes %q, want 3", quotes)
	}
	if want := "It's pretty unusual to hear about outages like this"; quotes[2] != want {
		t.Errorf("got last quote %q, want %q", quotes[2], want)
	}
}

func TestOwnOutletIsNoSpeaker(t *testing.T) {
	paras := []string{
		`The vote will be held on Friday, CNN confirmed.`,
		`Storms will reach the coast by noon, said Dan Reed, a CNN correspondent.`,
		`Flooding closed 40 roads, the USA TODAY Network said.`,
	}
	tests := []struct {
		outlet string
		want   []string
	}{
		{"", []string{"CNN", "Dan Reed", "USA TODAY Network"}},
		{"CNN", []string{"Dan Reed", "USA TODAY Network"}},
		{"CNN Business", []string{"Dan Reed", "USA TODAY Network"}},
		{"USA TODAY", []string{"CNN", "Dan Reed"}},
		{"The Week", []string{"CNN", "Dan Reed", "USA TODAY Network"}},
	}
	for _, tc := range tests {
		var got []string
		for _, ss := range Attribute(tc.outlet, paras) {
			for _, s := range ss {
				got = append(got, s.Name)
			}
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("outlet %q: got speakers %q, want %q", tc.outlet, got, tc.want)
		}
	}
}
