package question

import "strings"

var (
	// auxWords are the English auxiliaries and modals that follow a question
	// word: "what did", "how has", "who would".
	auxWords = setOf("did", "does", "do", "has", "have", "had", "is", "was", "are", "were", "will", "would", "can", "could")
	// speechVerbs are verbs of saying and thinking (Levin's 1993
	// communication and conjecture verbs): after them "what did X …" asks
	// for X's words and "how did X …" for X's response.
	speechVerbs = setOf("say", "said", "think", "thought", "admit", "tell", "told", "claim", "reply",
		"respond", "answer", "argue", "suggest", "warn", "feel", "believe")
)

// classify finds the question word in ws, the words of the asking sentence,
// and returns the question's kind, the answer it expects and its focus noun.
func classify(ws []string) (Kind, Expect, string) {
	for i, w := range ws {
		rest := ws[i+1:]
		switch strings.TrimSuffix(w, "'s") {
		case "who", "whom", "whose":
			return KindWho, ExpectPerson, ""
		case "when":
			return KindWhen, ExpectDate, ""
		case "where":
			return KindWhere, ExpectPlace, ""
		case "why":
			return KindWhy, ExpectAny, ""
		case "which":
			focus, expect := focusOf(rest)
			return KindWhich, expect, focus
		case "what":
			return classifyWhat(rest)
		case "how":
			return classifyHow(rest)
		}
	}
	return KindOther, ExpectAny, ""
}

func classifyWhat(rest []string) (Kind, Expect, string) {
	if len(rest) > 0 && auxWords[rest[0]] {
		for _, w := range rest[1:] {
			if speechVerbs[w] {
				return KindWhatSaid, ExpectAny, ""
			}
		}
	}
	focus, expect := focusOf(rest)
	if expect == ExpectPercent {
		return KindHowMuch, ExpectPercent, focus
	}
	if expect != ExpectEntity {
		return KindWhich, expect, focus
	}
	return KindWhat, ExpectAny, ""
}

func classifyHow(rest []string) (Kind, Expect, string) {
	if len(rest) == 0 {
		return KindOther, ExpectAny, ""
	}
	switch rest[0] {
	case "much":
		return KindHowMuch, ExpectMoney, ""
	case "many":
		return KindHowMany, ExpectNumber, ""
	case "soon", "long", "late", "early":
		return KindWhen, ExpectDate, ""
	}
	for _, w := range rest {
		if isReaction(w) || speechVerbs[w] {
			return KindHowRespond, ExpectAny, ""
		}
	}
	return KindOther, ExpectAny, ""
}

// focusOf finds the noun that names what is asked for in the words after
// "which" or "what": "which long-running show" → show.
func focusOf(rest []string) (string, Expect) {
	for i, w := range rest {
		if i >= 6 {
			break
		}
		if e, ok := expectByNoun[w]; ok {
			return w, e
		}
		if auxWords[w] || stopWords[w] {
			break
		}
	}
	for _, w := range rest {
		if !stopWords[w] {
			return strings.ToLower(w), ExpectEntity
		}
	}
	return "", ExpectEntity
}

// subject returns who a what-said or how-respond question asks about: the
// words between the auxiliary and the speech verb.
func subject(ws []string) string {
	for i, w := range ws {
		if !auxWords[w] {
			continue
		}
		var out []string
		for _, x := range ws[i+1:] {
			if speechVerbs[x] || isReaction(x) {
				return strings.ToLower(strings.Join(out, " "))
			}
			out = append(out, x)
		}
		return ""
	}
	return ""
}
