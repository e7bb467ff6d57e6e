package question

import "strings"

// equivalents are words and phrases that name the same thing: the common
// British/American equivalents of news writing, and abbreviations news
// style uses without spelling them out. A question put one way finds
// passages written the other. Entries are singular; a plural in the
// question matches too. Only unambiguous pairs belong here: "flat" and
// "apartment" do not, "flat" is more often an adjective.
var equivalents = [][]string{
	{"film", "movie"},
	{"petrol", "gasoline"},
	{"lorry", "truck"},
	{"motorway", "highway"},
	{"mobile phone", "cell phone", "cellphone"},
	{"prime minister", "pm"},
	{"chief executive", "ceo"},
	{"european union", "eu"},
	{"united nations", "un"},
	{"artificial intelligence", "ai"},
	{"electric vehicle", "ev"},
	{"gross domestic product", "gdp"},
	{"initial public offering", "ipo"},
}

// oneWayEquivalents widen a word without the reverse: the American
// "soccer" is the British "football", but an American's football is not.
var oneWayEquivalents = map[string][]string{
	"soccer": {"football"},
}

// addEquivalents adds to each term, and to both words of each pair of
// adjacent key words that forms a phrase of the table ("mobile phones"),
// the other ways of saying it.
func addEquivalents(terms []Term, pairs []string) {
	at := map[string]int{}
	for i, t := range terms {
		at[t.Word] = i
		for _, alt := range equivalentsOf(t.Word) {
			terms[i].Variants = appendNew(terms[i].Variants, alt)
		}
	}
	for _, p := range pairs {
		for _, alt := range equivalentsOf(p) {
			for _, w := range strings.Fields(p) {
				if i, ok := at[w]; ok {
					terms[i].Variants = appendNew(terms[i].Variants, alt)
				}
			}
		}
	}
}

// equivalentsOf returns the other ways of saying phrase, singular or plural.
func equivalentsOf(phrase string) []string {
	if alts, ok := oneWayEquivalents[phrase]; ok {
		return alts
	}
	for _, form := range []string{phrase, strings.TrimSuffix(phrase, "s"), strings.TrimSuffix(phrase, "es")} {
		for _, set := range equivalents {
			if !contains(set, form) {
				continue
			}
			var out []string
			for _, x := range set {
				if x != form {
					out = append(out, x)
				}
			}
			return out
		}
	}
	return nil
}
