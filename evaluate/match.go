package evaluate

import (
	"strings"
	"unicode"
)

// normalize makes text and gold strings comparable, the same way for both
// sides: curly quotes and apostrophes become straight ones, dashes become
// hyphens, case is folded and runs of white space become one space. Nothing
// else changes: "New Jersey & Oregon" is found only where the text says so.
func normalize(s string) string {
	s = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "‘", "'", "’", "'", "–", "-", "—", "-",
		"\u00a0", " ").Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// trimQuotes strips the quotes around a quiz answer: “Squid Game” → Squid Game.
func trimQuotes(s string) string {
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(s), `"“”‘’'`))
}

// containsGold reports whether text holds gold as written, after both are
// normalised, standing as whole words: "6" is not found in "16" or "6.5",
// "$5" not in "$5.02".
func containsGold(text, gold string) bool {
	t, g := normalize(text), normalize(trimQuotes(gold))
	if g == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(t[from:], g)
		if i < 0 {
			return false
		}
		i += from
		if edgeBefore(t, i) && edgeAfter(t, i+len(g)) {
			return true
		}
		from = i + 1
	}
}

func edgeBefore(t string, i int) bool {
	if i == 0 {
		return true
	}
	r := lastRune(t[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// edgeAfter treats a decimal point or thousands separator followed by a
// digit as inside the number.
func edgeAfter(t string, j int) bool {
	if j >= len(t) {
		return true
	}
	r := rune(t[j])
	if (r == '.' || r == ',') && j+1 < len(t) && unicode.IsDigit(rune(t[j+1])) {
		return false
	}
	r = []rune(t[j:])[0]
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func lastRune(s string) rune {
	rs := []rune(s)
	return rs[len(rs)-1]
}

// speakerMatches is the loose match of a found speaker to a gold one: case
// folded, the words of one name stand in the other ("Vodafone" and
// "Vodafone Group"), or
// they share the last name ("Mr Vaile" and "Mark Vaile").
func speakerMatches(found, gold string) bool {
	f, g := normalize(found), normalize(gold)
	if f == "" || g == "" {
		return false
	}
	if strings.Contains(" "+f+" ", " "+g+" ") || strings.Contains(" "+g+" ", " "+f+" ") {
		return true
	}
	return lastName(f) == lastName(g) && len(lastName(f)) > 1
}

func lastName(s string) string {
	fs := strings.Fields(s)
	if len(fs) == 0 {
		return ""
	}
	return strings.Trim(fs[len(fs)-1], ".,'\"()")
}
