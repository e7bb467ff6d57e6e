package answer

// Feature names one signal of a candidate passage. Every signal is a number
// from 0 to 1 computed from the question and the candidates alone, so the
// ranking is the weighted sum of Weights and can be fitted and explained.
type Feature int

// The features. Topic features say how well a passage and its article
// match the question's words; evidence features say whether the passage
// holds the kind of answer asked for, and count only as far as its article
// is on topic (see score).
const (
	PassageBM25      Feature = iota // the passage's BM25 score over the best candidate's
	Coverage                        // share of the question's weight (by rarity) the passage holds
	AskCoverage                     // the same for the words of the sentence that asks
	SentenceCoverage                // the share held by its best sentence alone
	ContextCoverage                 // the share held by it and the passages either side of it
	Proximity                       // best share held within a window of nearby words
	Pairs                           // share of the question's adjacent key words adjacent here too
	ArticleBM25                     // its article's BM25 (title and whole text) over the best article's
	ArticleRank                     // 1/(1+rank) of its article among the articles found
	ArticleSupport                  // its article's best passages' scores together, over the best article's
	ArticleCoverage                 // share of the question's weight in the article's found passages and title
	TitleCoverage                   // share of the question's weight in the article's title
	Expected                        // the best sentence holds an answer of the kind asked for
	AnswerSentence                  // its best sentence's share, when that sentence holds such an answer
	AnswerNear                      // such an answer stands close to the asking sentence's words
	Redundant                       // such an answer recurs in the leading candidates
	Lede                            // the article's first passage 1, its second ½ (factual questions)
	Speech                          // someone is quoted or reported (questions about who said what)
	Quote                           // a direct quotation by someone (same)
	Subject                         // the one the question asks about speaks (same)
	Reacts                          // it holds the question's reaction word ("criticised", "welcomed")
	Source                          // the one the question cites ("according to X") speaks
	Recent                          // how new its article is (questions about recent events)
	numFeatures
)

// featureNames are the features' names in weights.json and explanations.
var featureNames = [numFeatures]string{
	"passage_bm25", "coverage", "ask_coverage", "sentence_coverage", "context_coverage", "proximity", "pairs",
	"article_bm25", "article_rank", "article_support", "article_coverage", "title_coverage",
	"expected", "answer_sentence", "answer_near", "redundant", "lede", "speech", "quote", "subject", "reacts", "source", "recent",
}

func (f Feature) String() string { return featureNames[f] }

// articleFeatures make up an article's relevance; evidence features are
// scaled by it.
var articleFeatures = []Feature{ArticleBM25, ArticleRank, ArticleSupport, ArticleCoverage, TitleCoverage}

// evidence reports whether f is an evidence feature.
func (f Feature) evidence() bool { return f >= Expected }

// Features are one candidate's values, indexed by Feature.
type Features [numFeatures]float64
