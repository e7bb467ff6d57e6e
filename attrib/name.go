package attrib

import (
	"strings"
)

// kind tells people from organisations, for back references.
type kind int

const (
	kindUnknown kind = iota
	kindPerson
	kindOrg
)

// phrase is a noun phrase naming, or referring back to, a speaker.
type phrase struct {
	name, role string
	kind       kind
	honorific  string // "Mr" of "Mr Blair": a surname to resolve
	gender     byte   // 'm' or 'f' when an honorific tells
	ref        string // set for back references: "he", "it", "minister", "company"
	quals      string // words qualifying a role noun referred back to: "prime" of "the prime minister"
	spokes     bool   // an organisation speaking through a spokesperson
	start, end int    // byte offsets in the paragraph
}

func (p phrase) ok() bool { return p.name != "" || p.ref != "" }

// titleRef reads a capitalised role preceded by "the" as a reference back
// to whoever holds it, not a name: "the President", "the Prime Minister".
func titleRef(w []string, start, end int) (phrase, bool) {
	last := w[len(w)-1]
	if !titles[last] {
		return phrase{}, false
	}
	quals := strings.ToLower(strings.Join(w[:len(w)-1], " "))
	return phrase{ref: strings.ToLower(last), quals: quals, start: start, end: end}, true
}

// capsBack collects the capitalised name ending at toks[i], with up to two
// connectors between capitalised words ("Royal United Services Institute for
// Defence and Security Studies"), and returns the index of its first token,
// or i+1 when toks[i] does not end a name.
func capsBack(toks []token, i, lo int) int {
	j := i + 1
	for k := i; k >= lo; {
		if _, poss := possessive(toks[k].text); poss && k < i && !hasOrgWord(words(toks[k+1:i+1])) {
			break // "Acme’s Russian founders": the owner's name ends there
		}
		if upper(toks[k]) {
			j = k
			k--
			continue
		}
		m := k
		for m >= lo && k-m < 2 && connectors[toks[m].text] {
			m--
		}
		if m < k && j <= i && m >= lo && upper(toks[m]) {
			k = m
			continue
		}
		break
	}
	return j
}

// capsFwd is capsBack forwards from toks[i]: it returns one past the last
// token of the name starting at i (i when there is none). A possessive
// ends a name, unless an organisation's name goes on ("King's College").
func capsFwd(toks []token, i, hi int) int {
	j := i
	for k := i; k < hi; {
		if upper(toks[k]) {
			k++
			j = k
			if _, poss := possessive(toks[k-1].text); poss && !orgAhead(toks, k, hi) {
				break
			}
			continue
		}
		m := k
		for m < hi && m-k < 2 && connectors[toks[m].text] {
			m++
		}
		if m > k && j > i && m < hi && upper(toks[m]) && !calendar[toks[m].text] {
			k = m
			continue
		}
		break
	}
	return j
}

// orgAhead reports whether the capitalised words from toks[k] end an
// organisation's name, which a possessive may open: "King's College".
func orgAhead(toks []token, k, hi int) bool {
	for ; k < hi && upper(toks[k]); k++ {
		if orgWords[toks[k].text] {
			return true
		}
	}
	return false
}

func upper(t token) bool { return t.word && isUpperWord(t.text) }

func words(toks []token) []string {
	w := make([]string, len(toks))
	for i, t := range toks {
		w[i] = t.text
	}
	return w
}

// possessive strips "'s" from a word.
func possessive(w string) (string, bool) {
	for _, s := range []string{"'s", "’s"} {
		if strings.HasSuffix(w, s) {
			return strings.TrimSuffix(w, s), true
		}
	}
	return w, false
}

// splitName turns the words of a capitalised phrase into a name and a role:
// "U.K. Home Secretary Amber Rudd" → "Amber Rudd", "U.K. Home Secretary";
// "Jane Smith of the Danish Milk Board" → "Jane Smith", "Danish Milk Board";
// "The U.S. Embassy in London" → "U.S. Embassy in London" (an organisation).
func splitName(w []string) phrase {
	for len(w) > 0 && (w[0] == "The" || w[0] == "the" || connectors[w[0]] || calendar[w[0]]) {
		w = w[1:]
	}
	for len(w) > 0 && connectors[w[len(w)-1]] {
		w = w[:len(w)-1]
	}
	if len(w) == 0 {
		return phrase{}
	}
	if c := whereSpoken(w); c > 0 {
		if p := splitName(w[:c]); p.kind == kindPerson {
			return p
		}
	}
	for h, x := range w {
		if honorifics[x] && h+1 < len(w) {
			if p, ok := personOfOrg(w[h+1:], 1); ok { // "Mr Reed of Acme"
				p.role = strings.TrimPrefix(strings.Join(w[:h], " ")+", "+p.role, ", ")
				p.honorific, p.gender = x, genderOf[strings.TrimSuffix(x, ".")]
				return p
			}
			return phrase{name: strings.Join(w[h+1:], " "), role: strings.Join(w[:h], " "), kind: kindPerson,
				honorific: x, gender: genderOf[strings.TrimSuffix(x, ".")]}
		}
	}
	if p, ok := personOfOrg(w, 2); ok {
		return p
	}
	k := -1
	for i := len(w) - 2; i >= 0; i-- {
		if titles[w[i]] || orgWords[w[i]] || connectors[w[i]] {
			k = i
			break
		}
	}
	if k >= 0 && connectors[w[k]] && len(w)-k-1 >= 3 && hasTitle(w[:k]) {
		k++ // "Secretary of State Ann Lee": State is the role's
	}
	if k >= 0 && !connectors[w[k]] && !orgWords[w[len(w)-1]] && (titles[w[k]] || len(w)-k > 2) {
		name := w[k+1:]
		role := w[:k+1]
		if len(name) > 3 {
			role, name = w[:len(w)-2], w[len(w)-2:]
		}
		return phrase{name: strings.Join(name, " "), role: strings.Join(role, " "), kind: kindPerson}
	}
	p := phrase{name: strings.Join(w, " ")}
	switch {
	case hasOrgWord(w):
		p.kind = kindOrg
	case len(w) >= 2 && len(w) <= 4 && !hasTitle(w):
		p.kind = kindPerson
	}
	return p
}

// whereSpoken finds the "in" or "on" after a person's name that opens
// where they spoke or wrote, which is neither name nor role: "Paul
// MacInnes in The Guardian", "Ann Lee on BBC Radio", "Mr Reed in
// Parliament"; 0 when there is none. An organisation in a place is one
// name: "U.S. Embassy in London".
func whereSpoken(w []string) int {
	for c := 2; c < len(w)-1; c++ {
		if w[c] != "in" && w[c] != "on" {
			continue
		}
		if hasOrgWord(w[:c]) {
			return 0
		}
		return c
	}
	return 0
}

// personOfOrg reads "Jane Smith of the Danish Milk Board" and, with
// titles before the name, "Professor Sarah Jones of King's College London";
// the name has at least minWords words.
func personOfOrg(w []string, minWords int) (phrase, bool) {
	t := 0
	for t < len(w) && titles[w[t]] {
		t++
	}
	for c := t + minWords; c <= t+3 && c < len(w)-1; c++ {
		if w[c] != "of" && w[c] != "at" && w[c] != "from" {
			continue
		}
		if hasOrgWord(w[t:c]) || hasTitle(w[t:c]) {
			return phrase{}, false
		}
		org := w[c+1:]
		for len(org) > 0 && (org[0] == "the" || org[0] == "The") {
			org = org[1:]
		}
		role := strings.Join(org, " ")
		if t > 0 {
			role = strings.Join(w[:t], " ") + ", " + role
		}
		return phrase{name: strings.Join(w[t:c], " "), role: role, kind: kindPerson}, true
	}
	return phrase{}, false
}

func hasOrgWord(w []string) bool {
	for _, x := range w {
		if orgWords[x] {
			return true
		}
	}
	return false
}

func hasTitle(w []string) bool {
	for _, x := range w {
		if titles[x] {
			return true
		}
	}
	return false
}

var genderOf = map[string]byte{"Mr": 'm', "Mrs": 'f', "Ms": 'f', "Miss": 'f'}

// calendar words open sentences ("On Tuesday Labour said") but no names.
var calendar = setOf("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"January", "February", "March", "April", "June", "July", "August", "September", "October",
	"November", "December", "Yesterday", "Today", "Earlier", "Later", "Last",
	"Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.")
