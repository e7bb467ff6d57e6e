package question

// stopWords carry no topic: function words, question words and the filler
// people put around a question.
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
	"approximately", "nearly", "much", "many", "roughly", "currently", "according", "famously", "new",
)

// reactionWords ask for statements and reactions; they steer ranking toward
// attributed speech instead of being matched literally. Stems and both
// spellings are listed.
var reactionWords = setOf(
	"react", "reacted", "reacting", "reaction", "reactions", "respond", "responded", "responding",
	"response", "responses", "criticise", "criticised", "criticize", "criticized", "criticism",
	"critic", "critics", "condemn", "condemned", "welcome", "welcomed", "backed", "oppose",
	"opposed", "opposes", "opposition", "warn", "warned", "slam", "slammed", "say", "said", "says",
	"think", "thought", "thinks", "comment", "commented", "complain", "complained", "object",
	"objected", "protest", "protested", "protesting", "defend", "defended", "answer", "answering",
	"accuse", "accused", "accusing", "attack", "attacked", "praise", "praised", "reject",
	"rejected", "deny", "denied", "admit", "admitted", "trashed",
	"unhappy", "worried", "angry", "furious", "fighting", "calling", "appealing", "objecting",
)

// speechKinds are the kinds of question answered by who said what.
var speechKinds = map[Kind]bool{KindWho: true, KindWhatSaid: true, KindHowRespond: true}

// expectByNoun maps the noun after "which"/"what" to the kind of answer.
var expectByNoun = map[string]Expect{
	"country": ExpectPlace, "countries": ExpectPlace, "nation": ExpectPlace, "state": ExpectPlace,
	"city": ExpectPlace, "continent": ExpectPlace, "island": ExpectPlace, "area": ExpectPlace,
	"region": ExpectPlace, "park": ExpectPlace, "place": ExpectPlace, "town": ExpectPlace,
	"company": ExpectOrg, "automaker": ExpectOrg, "airline": ExpectOrg, "retailer": ExpectOrg,
	"firm": ExpectOrg, "chain": ExpectOrg, "service": ExpectOrg, "brand": ExpectOrg,
	"team": ExpectOrg, "school": ExpectOrg, "group": ExpectOrg, "organisation": ExpectOrg,
	"organization": ExpectOrg, "bank": ExpectOrg, "party": ExpectOrg, "club": ExpectOrg,
	"network": ExpectOrg, "agency": ExpectOrg, "university": ExpectOrg,
	"star": ExpectPerson, "singer": ExpectPerson, "celebrity": ExpectPerson, "official": ExpectPerson,
	"actor": ExpectPerson, "actress": ExpectPerson, "leader": ExpectPerson, "businessman": ExpectPerson,
	"mp": ExpectPerson, "player": ExpectPerson, "quarterback": ExpectPerson, "minister": ExpectPerson,
	"president": ExpectPerson, "head": ExpectPerson, "person": ExpectPerson, "man": ExpectPerson,
	"woman": ExpectPerson, "judge": ExpectPerson, "coach": ExpectPerson, "manager": ExpectPerson,
	"percentage": ExpectPercent, "percent": ExpectPercent, "magnitude": ExpectNumber,
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
