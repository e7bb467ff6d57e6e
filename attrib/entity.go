package attrib

import "strings"

// entity is someone or something the article names: a person or an
// organisation, with the role the article gives it.
type entity struct {
	name, role string
	folded     string // name, its apostrophes folded (see sameName)
	kind       kind
	gender     byte // 'f', 'm', or 0 when unknown
	mentions   int
	spoke      bool
	spokes     bool // has spoken through a spokesperson
	outlet     bool // a news outlet cited as a source (see citesOutlet)
}

// mention is one naming of an entity outside quotation marks.
type mention struct {
	ent   int    // index in doc.entities, -1 while word names no one known
	word  string // a lone word naming no one known when met
	sent  int    // sentence index in its paragraph
	tok   int    // token index in its paragraph
	spoke bool
	owner owner
}

// owner tells a possessive mention from a plain one.
type owner byte

const (
	plain     owner = iota
	possessor       // "Trump's speech"
	patron          // "Smith's lawyer": someone else, unnamed, is meant
	named           // "Smith's lawyer, Ann Lee,": the name that follows is meant
)

// addMentions records the people and organisations a paragraph names, in
// reading order, for resolving surnames, roles and pronouns later.
func (d *doc) addMentions(p *para) {
	for si, s := range p.sents {
		for i := s[0]; i >= 0 && i < s[1]; {
			if !upper(p.toks[i]) || p.inQuote(p.toks[i].start) {
				i++
				continue
			}
			e := capsFwd(p.toks, i, s[1])
			if a := p.trimCommon(i, e, s[0]); a < e && !p.placed(a) && !p.modifier(a, e) {
				for _, part := range pairParts(p.toks, a, e) {
					ph := p.nameAt(part[0], part[1], s[0], s[1])
					id := d.entityFor(ph)
					if p.listens(part[0]) {
						d.listened(id, ph.name)
					}
					if p.is(part[0]-1, listenerVerbs) {
						continue // "told Radio Five": the outlet listens
					}
					m := mention{ent: id, sent: si, tok: part[0], owner: p.ownerAt(part[1])}
					if id >= 0 {
						d.entities[id].mentions++
					} else if part[1]-part[0] == 1 {
						m.word, _ = possessive(p.toks[part[0]].text)
					} else {
						continue
					}
					d.mentions[p.idx] = append(d.mentions[p.idx], m)
				}
			}
			i = e
		}
	}
}

var commaSet = setOf(",")

var listenerVerbs = setOf("told", "tells", "telling")

// ownerAt reads whether the name ending before toks[e] is possessive, and
// whether what it owns is a person, unnamed ("Smith's lawyer") or named
// after ("Smith's lawyer, Ann Lee,", "Acme's chief operating officer Dan
// Reed").
func (p *para) ownerAt(e int) owner {
	if _, poss := possessive(p.toks[e-1].text); !poss {
		return plain
	}
	last := -1 // the last role noun of what it owns
	for k := e; k < len(p.toks) && k < e+4 && p.toks[k].word && isLowerWord(p.toks[k].text) && !pastVerb(p.toks[k].text) && !connectors[p.toks[k].text]; k++ {
		if personNouns[p.toks[k].text] || spokesNouns[p.toks[k].text] {
			last = k
		}
	}
	k := last + 1
	switch {
	case last < 0:
		return possessor
	case p.is(k, commaSet) && k+1 < len(p.toks) && upper(p.toks[k+1]), k < len(p.toks) && upper(p.toks[k]):
		return named
	}
	return patron
}

// modifier reports whether initials at toks[a] qualify the plural or
// gerund after them rather than name anyone: "ID cards", "DVD sales", "TV
// shows", "DVD ripping"; "a UEFA statement" still names UEFA.
func (p *para) modifier(a, e int) bool {
	if e-a != 1 || !isAcronym(p.toks[a].text) || e >= len(p.toks) {
		return false
	}
	next := p.toks[e].text
	plural := strings.HasSuffix(next, "s") || strings.HasSuffix(next, "ing")
	return p.toks[e].word && isLowerWord(next) && plural && !speechVerbs[next] && !auxiliaries[next]
}

var auxiliaries = setOf("is", "was", "has", "had", "have", "will", "would", "could", "can",
	"should", "may", "might", "must", "did", "does", "do", "are", "were", "also", "then", "now")

// placed reports whether the name at toks[a] follows a word that places
// things, not people: "in New York", "at the Grand Theatre".
func (p *para) placed(a int) bool {
	if p.is(a-1, theBoth) {
		a--
	}
	return p.is(a-1, locative)
}

// locative words precede places, not people.
var locative = setOf("in", "at", "near", "across", "into", "throughout", "outside", "inside", "around")

// pairParts splits a capitalised run joined by "and" into its names when
// it names two ("Smith and Lee"), not one ("Food and Drug
// Administration").
func pairParts(toks []token, a, e int) [][2]int {
	for k := a + 1; k < e-1; k++ {
		if toks[k].text == "and" && !hasOrgWord(words(toks[k+1:e])) {
			return [][2]int{{a, k}, {k + 1, e}}
		}
	}
	return [][2]int{{a, e}}
}

// isPair reports whether a speaker's name joins two names: "Iran and
// Israel", "Smith and Lee".
func isPair(name string) bool {
	w := strings.Fields(name)
	for k := 1; k < len(w)-1; k++ {
		if (w[k] == "and" || w[k] == "&") && !hasOrgWord(w[k+1:]) {
			return true
		}
	}
	return false
}

// nameAt reads the name of toks[a:e] with the role around it: a title or
// a role in lower case before it, or an appositive after it.
func (p *para) nameAt(a, e, lo, hi int) phrase {
	w := words(p.toks[a:e])
	var poss bool
	w[len(w)-1], poss = possessive(w[len(w)-1])
	ph := splitName(w)
	if ph.name == "" || ph.kind == kindOrg {
		return ph
	}
	if m := p.roleBefore(a, lo); ph.role == "" && m < a {
		ph.role, ph.kind = p.text[p.toks[m].start:p.toks[a-1].end], kindPerson
	}
	if !poss {
		ph = p.appositiveAfter(ph, e, hi)
	}
	return ph
}

// entityFor finds or adds the entity a name means; -1 for a lone word
// that names no one the article has introduced (a place, a product).
func (d *doc) entityFor(ph phrase) int {
	if ph.name == "" || pronounLike(ph.name) {
		return -1
	}
	if !strings.Contains(ph.name, " ") {
		if id := d.bySurname(ph.name); id >= 0 {
			d.addRole(id, ph.role)
			return id
		}
		switch {
		case ph.honorific != "":
			ph.name = ph.honorific + " " + ph.name
		case !isAcronym(ph.name) || titles[ph.name] || placeAcronyms[ph.name]:
			return d.byName(ph.name)
		}
	}
	id := d.byName(ph.name)
	if id < 0 {
		id = d.addEntity(ph.name, ph.kind)
		if isAcronym(ph.name) {
			d.entities[id].kind = kindOrg
		}
	}
	d.addRole(id, ph.role)
	if ph.honorific != "" {
		d.entities[id].kind = kindPerson
		d.entities[id].gender = ph.gender
	}
	return id
}

func (d *doc) addRole(id int, role string) {
	if e := &d.entities[id]; e.role == "" && role != "" {
		e.role = role
		if e.kind == kindUnknown {
			e.kind = kindPerson
		}
	}
}

func (d *doc) byName(name string) int {
	name = foldApostrophes(name)
	for i, e := range d.entities {
		if strings.EqualFold(e.folded, name) { // sameName, each name folded once
			return i
		}
	}
	return -1
}

// addEntity adds an entity and returns its index.
func (d *doc) addEntity(name string, k kind) int {
	d.entities = append(d.entities, entity{name: name, folded: foldApostrophes(name), kind: k})
	return len(d.entities) - 1
}

// placeAcronyms are countries and cities written as initials, not
// organisations: "the US food group".
var placeAcronyms = setOf("US", "USA", "UK", "UAE", "NYC", "DC", "LA")

// isAcronym reports whether a lone word is written in capitals, as the
// initials organisations go by are: "UEFA", "NATO", "BBC".
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r >= '0' && r <= '9' || r == '&':
		default:
			return false
		}
	}
	return letters >= 2
}

// bySurname finds who a lone word means: of the people and organisations
// the article named with it last ("Trump", "Commission"), of the
// organisations named with it first ("Acme") or by its initials ("FDA"), the one it mentions most: "Trump" is the former
// president, not his niece named once.
func (d *doc) bySurname(w string) int {
	best := -1
	w = foldApostrophes(w)
	surname, first := " "+w, w+" "
	acronym := len(w) >= 3 && strings.ToUpper(w) == w // isAcronymOf's own first test, once
	for i, e := range d.entities {
		name := e.folded
		if !strings.HasSuffix(name, surname) && !(e.kind == kindOrg && (acronym && isAcronymOf(w, name) || strings.HasPrefix(name, first))) {
			continue
		}
		if best < 0 || e.mentions > d.entities[best].mentions {
			best = i
		}
	}
	return best
}

// isAcronymOf reports whether w, in capitals, is made of the initials
// ending name's words: "FDA" of "U.S. Food and Drug Administration".
func isAcronymOf(w, name string) bool {
	if len(w) < 3 || strings.ToUpper(w) != w {
		return false
	}
	var initials strings.Builder
	for _, x := range strings.Fields(name) {
		if !connectors[x] && isUpperWord(x) {
			initials.WriteByte(x[0])
		}
	}
	return strings.HasSuffix(initials.String(), w)
}

// isPerson reports whether the article shows entity id to be a person: a
// role or honorific, speech, or its surname standing alone somewhere.
// Two capitalised words alone ("Grand Canyon", "Hyde Park") are not
// enough.
func (d *doc) isPerson(id int) bool {
	e := d.entities[id]
	if e.kind != kindPerson {
		return false
	}
	w := strings.Fields(e.name)
	return e.role != "" || e.gender != 0 || e.spoke || d.alone[w[len(w)-1]]
}
