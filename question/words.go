package question

// stopWords carry no topic. Function words: the NLTK English stop-word
// list, with the modals and contractions questions use. Filler: the words
// people wrap a request to a news bot in (tell me, please, anything new on,
// the latest news about), the time frame Recent reads instead, and the
// quantity words of "how much" and "how many".
var stopWords = setOf(
	"a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
	"as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
	"by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for",
	"from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
	"him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
	"me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
	"only", "or", "other", "our", "ours", "out", "over", "own", "same", "she", "should", "so",
	"some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
	"there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
	"very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "whose",
	"why", "will", "with", "would", "you", "your", "yours", "yourself", "s", "t", "'s", "also",
	"may", "might", "must", "shall", "get", "got", "let", "us", "whats", "who's", "what's",
	// filler around questions
	"tell", "please", "know", "anything", "something", "latest", "news", "story", "stories",
	"recently", "recent", "week", "today", "yesterday", "ever", "really", "thing", "stuff",
	"people", "someone", "somebody", "anyone", "anybody", "everyone", "one", "ones",
	"much", "many", "currently", "according", "new",
)

// reactionWords ask for statements and reactions; they steer ranking toward
// attributed speech instead of being matched literally. They are verbs of
// communication and judgment, after Levin's (1993) verb classes, in both
// spellings, with the inflections and nouns questions use.
var reactionWords = setOf(
	"react", "reacted", "reacting", "reaction", "reactions", "respond", "responded", "responding",
	"response", "responses", "criticise", "criticised", "criticize", "criticized", "criticism",
	"critic", "critics", "condemn", "condemned", "welcome", "welcomed", "backed", "oppose",
	"opposed", "opposes", "opposition", "warn", "warned", "slam", "slammed", "say", "said", "says",
	"think", "thought", "thinks", "comment", "commented", "complain", "complained", "object",
	"objected", "objecting", "protest", "protested", "protesting", "defend", "defended", "answer",
	"answering", "accuse", "accused", "accusing", "attack", "attacked", "praise", "praised",
	"reject", "rejected", "deny", "denied", "admit", "admitted",
)

// speechKinds are the kinds of question answered by who said what.
var speechKinds = map[Kind]bool{KindWho: true, KindWhatSaid: true, KindHowRespond: true}

// expectByNoun maps the noun after "which"/"what" to the kind of answer:
// the general names of the answer types of the usual WH-question classes
// (Li & Roth 2002: location, human individual and group, numeric) and the
// roles news asks about most (leader, minister, star, player). Narrow kinds
// (an industry's firms, a sport's positions, landforms) are open-ended and
// left out: their answer is any name.
var expectByNoun = map[string]Expect{
	"country": ExpectPlace, "countries": ExpectPlace, "nation": ExpectPlace, "state": ExpectPlace,
	"city": ExpectPlace, "town": ExpectPlace, "area": ExpectPlace, "region": ExpectPlace, "place": ExpectPlace,
	"company": ExpectOrg, "firm": ExpectOrg, "chain": ExpectOrg, "service": ExpectOrg,
	"brand": ExpectOrg, "team": ExpectOrg, "school": ExpectOrg, "group": ExpectOrg,
	"organisation": ExpectOrg, "organization": ExpectOrg, "party": ExpectOrg,
	"club": ExpectOrg, "network": ExpectOrg, "agency": ExpectOrg, "university": ExpectOrg,
	"star": ExpectPerson, "singer": ExpectPerson, "celebrity": ExpectPerson, "official": ExpectPerson,
	"actor": ExpectPerson, "actress": ExpectPerson, "leader": ExpectPerson, "businessman": ExpectPerson,
	"mp": ExpectPerson, "player": ExpectPerson, "minister": ExpectPerson, "president": ExpectPerson,
	"head": ExpectPerson, "person": ExpectPerson, "man": ExpectPerson, "woman": ExpectPerson,
	"judge": ExpectPerson, "coach": ExpectPerson, "manager": ExpectPerson,
	"percentage": ExpectPercent, "percent": ExpectPercent,
	"year": ExpectDate, "month": ExpectDate, "day": ExpectDate, "date": ExpectDate,
	"price": ExpectMoney, "cost": ExpectMoney, "sum": ExpectMoney, "amount": ExpectMoney,
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
