package attrib

import "strings"

// citesOutlet reports whether the speaker of a statement is a newspaper,
// broadcaster or news agency cited as the source of what the article
// reports ("the Denver Post reported", "said The Guardian", "according to
// CNN" where the article also writes "told CNN"): the outlet that reported
// words did not say them, so the statement is no one's. An outlet speaking
// for itself, through a spokesperson or a statement it issued, still
// speaks. The article's own outlet is never its source. Initials spoken to
// are an outlet's, as people are not spoken to by their initials; what a
// name with no organisation's word "reported" is an outlet's account. verb
// is the index of the cue's word, -1 when there is none.
func (p *para) citesOutlet(kind cueKind, verb int, ph phrase, sp speaker) bool {
	if sp.ent < 0 || ph.spokes || kind == cueStatement {
		return false
	}
	d := p.doc
	e := &d.entities[sp.ent]
	switch {
	case e.outlet:
		return true
	case e.role != "" || e.gender != 0:
		return false
	case newsName(e.name, p.definiteAt(ph)), d.ownOutlet(e.name), isAcronym(e.name) && d.listeners[strings.ToLower(e.name)]:
		e.outlet = true
		return true
	}
	return p.reportsNews(verb) && !personShaped(*e) && !hasOrgWord(strings.Fields(e.name))
}

// reportsNews reports whether toks[i] is a reporting verb without an
// object of its own, as news is reported ("…, Reuters reported.",
// "CNN reported on Monday that …"), not a company's figures ("Acme
// reported a record profit").
func (p *para) reportsNews(i int) bool {
	if !p.is(i, reportingVerbs) {
		return false
	}
	next := i + 1
	return next >= len(p.toks) || !p.toks[next].word || p.is(next, thatSet) || p.is(next, prepositions) || p.is(next, skippable)
}

// ownOutlet reports whether name is the article's publisher's, as the
// article writes it: "CNN" or "Washington CNN" (a dateline read into a
// name) for CNN, "BBC" for BBC News, "USA TODAY Network" for USA TODAY.
func (d *doc) ownOutlet(name string) bool {
	if d.outlet == "" {
		return false
	}
	n, o := strings.Fields(name), strings.Fields(d.outlet)
	if len(n) == len(o)+1 && strings.EqualFold(strings.Join(n[:len(o)], " "), d.outlet) {
		return orgWords[n[len(o)]] // "USA TODAY Network", not "CNN Meteorologist Dan Reed"
	}
	up := strings.ToUpper(name)
	return up == strings.ToUpper(d.outlet) || strings.HasSuffix(up, " "+strings.ToUpper(d.outlet)) ||
		isAcronym(name) && strings.HasPrefix(d.outlet, name+" ")
}

// personShaped reports whether an entity's name reads as a person's: two
// or more words, no organisation's word among them ("Felix Vail", not
// "Sky News" or "Reuters").
func personShaped(e entity) bool {
	w := strings.Fields(e.name)
	return len(w) > 1 && e.kind != kindOrg && !hasOrgWord(w) && !newsName(e.name, false)
}

// reportingVerbs say that news was reported, which news outlets do: "the
// Star Tribune reported", "Reuters reports".
var reportingVerbs = setOf("reported", "reports")

var thatSet = setOf("that")

// definiteAt reports whether the speaker phrase opens with "the", as
// newspapers' names do ("said the Sun") and people's do not.
func (p *para) definiteAt(ph phrase) bool {
	i := p.tokenAt(ph.start)
	return p.is(i, theBoth) || p.is(i-1, theBoth)
}

// newsName reports whether a name is a newspaper's, magazine's or
// broadcaster's by the word it ends with ("The Denver Post", "Fox News",
// "Casper Star-Tribune"); a word that also ends people's or other bodies'
// names ("Sun", "Star", "Post", "Press") counts only after "the" and when
// no other word names a body ("the Associated Press", not "the Oxford
// University Press").
func newsName(name string, definite bool) bool {
	w := strings.Fields(name)
	if len(w) == 0 {
		return false
	}
	for _, part := range strings.Split(w[len(w)-1], "-") {
		if newsHeads[part] || definite && newsHeadsAfterThe[part] && !hasOrgWord(w[:len(w)-1]) {
			return true
		}
	}
	return len(w) > 1 && newsFirst[w[0]] // "Daily Beast", "Sunday Express"
}

// newsHeads end the names of newspapers, magazines and broadcasters in
// English (the Times, the Wall Street Journal, the Chicago Tribune, ...);
// newsHeadsAfterThe end them too, but also end people's names or other
// bodies' when no "the" comes before; newsFirst open them ("Daily Mail",
// "Sunday Times", "Evening Standard").
var (
	newsHeads = setOf("Times", "Journal", "Tribune", "Gazette", "Telegraph", "Herald",
		"Chronicle", "Inquirer", "Courier", "Dispatch", "Sentinel", "Examiner", "Bulletin",
		"Magazine", "Weekly", "News", "Newspaper", "Radio", "TV", "Television",
		"Broadcasting", "TODAY")
	newsHeadsAfterThe = setOf("Post", "Guardian", "Observer", "Independent", "Mirror", "Sun",
		"Star", "Globe", "Express", "Standard", "Record", "Register", "Review", "Press", "Today",
		"Statesman", "Advertiser", "Beacon", "Eagle", "Enquirer", "Argus")
	newsFirst = setOf("Daily", "Sunday", "Evening", "Morning")
)

// listens reports whether the name at toks[a] is someone spoken to, as
// outlets are in "told Reuters", "said in an interview with the Times",
// "speaking to Sky News".
func (p *para) listens(a int) bool {
	if p.is(a-1, theBoth) {
		a--
	}
	if p.is(a-1, listenerVerbs) {
		return true
	}
	if a < 2 {
		return false
	}
	pair := p.toks[a-2].text + " " + p.toks[a-1].text
	return listenerPairs[strings.ToLower(pair)]
}

// listenerPairs precede whom words were said to.
var listenerPairs = setOf("interview with", "interviewed by", "statement to", "speaking to",
	"spoke to", "speaks to", "talking to", "talked to")

// listened records that the article has someone speak to the entity id,
// or to name when it is no one the article has named.
func (d *doc) listened(id int, name string) {
	if id >= 0 {
		name = d.entities[id].name
	}
	if name != "" {
		d.listeners[strings.ToLower(name)] = true
	}
}
