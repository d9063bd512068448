package pipeline

import (
	"unicode"
	"unicode/utf8"
)

// A job title names a role, not a way of working: in "Head of Performance",
// "Director of Planning", "Chief Innovation Officer", "Transformation Lead"
// or "VP, Strategic Partnerships" the entry word only says what the job is
// about. The title rule below finds such frames around a hit from the
// casing of the text, so that no title has to be listed as a neutral entry:
//
//   - X before a title noun: "Strategy Manager", "Chief Innovation Officer",
//     "Planning & Performance Lead". X and the title noun are capitalised;
//     X is a run of at most maxTitleWords capitalised words ("and", "&" and
//     "/" may join them) with no determiner or pronoun among them
//     (titleBreaks: "Inspire Your Team" is a heading, not a title).
//   - X after an opening title word: "Head of Performance", "Director of
//     Planning and Performance", "VP, Strategic Partnerships", "Clinical Lead
//     for Quality". The opener and X are capitalised; after "head of",
//     "director of", "vice president of" and "chief of" the first word
//     counts as a title even in lower case ("reports to the head of
//     performance").
//
// Lower-case role nouns do not make a title ("we support managers", "plan
// and manage budgets"), nor do lower-case words after a title ("an
// Operations Manager who inspires the team": inspires counts).

// maxTitleWords is how many capitalised words a title's subject X may span.
const maxTitleWords = 3

// titleNouns are the role nouns that end a title: "X Manager".
var titleNouns = wordSet("manager", "managers", "lead", "leads", "leader", "leaders", "director", "directors",
	"officer", "officers", "coordinator", "coordinators", "co-ordinator", "co-ordinators", "supervisor", "supervisors",
	"specialist", "specialists", "analyst", "analysts", "head", "heads", "executive", "executives",
	"consultant", "consultants", "advisor", "advisors", "adviser", "advisers", "administrator", "administrators",
	"partner", "partners", "practitioner", "practitioners", "champion", "champions", "facilitator", "facilitators",
	"team", "teams", "department", "directorate")

// titleOpeners are the role words that open a title: "Head of X", "VP, X".
var titleOpeners = wordSet("head", "director", "president", "vp", "svp", "evp", "avp", "chief", "manager", "lead",
	"dean", "officer")

// lowerOpeners open a title even in lower case, right before "of".
var lowerOpeners = wordSet("head", "director", "president", "vp", "chief")

// titleLinks stand between an opener and X: "Head of X", "VP, X", "Lead for X".
var titleLinks = wordSet("of", ",", "for", "-", "–", "—", ":")

// titleJoins may join the capitalised words of X: "Planning and Performance".
var titleJoins = wordSet("and", "&", "/")

// titleBreaks never stand in a title's X, capitalised or not: in a Title
// Case or all-caps heading ("Develop Your Team", "WE INSPIRE AND DEVELOP
// OUR TEAM") they show that the words around them are not a title.
var titleBreaks = wordSet("the", "a", "an", "our", "your", "their", "his", "her", "its", "my", "this", "that",
	"these", "those", "we", "you", "they", "i", "us", "them")

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// inTitle reports whether the hit that spans toks[i:i+n] of a sentence
// names the subject of a job title (see the title rule above). toks and
// low are the sentence's tokens as written and as the matcher has them.
func inTitle(toks []Token, low []matchToken, i, n int) bool {
	capital := true
	for k := i; k < i+n; k++ {
		if toks[k].Word && !capitalised(toks[k].Text) && !titleJoins[low[k].Lower] {
			capital = false
		}
	}
	if capital && (beforeTitleNoun(toks, low, i, n) || afterTitleOpener(toks, low, i)) {
		return true
	}
	// "the head of performance": a lower-case subject right after a
	// lower-case opener and "of".
	return n == 1 && i >= 2 && low[i-1].Lower == "of" && lowerOpeners[low[i-2].Lower]
}

// beforeTitleNoun reports whether a capitalised run that holds the hit
// toks[i:i+n] ends in a capitalised title noun ("Strategy Manager").
func beforeTitleNoun(toks []Token, low []matchToken, i, n int) bool {
	words := n
	for k := i + n; k < len(toks); k++ {
		if titleJoins[low[k].Lower] {
			continue
		}
		if !toks[k].Word || !capitalised(toks[k].Text) || titleBreaks[low[k].Lower] {
			return false
		}
		if titleNouns[low[k].Lower] {
			return true
		}
		if words++; words > maxTitleWords {
			return false
		}
	}
	return false
}

// afterTitleOpener reports whether a capitalised run that holds the hit
// starting at toks[i] follows a capitalised title opener and its link
// ("Head of Performance", "VP, Strategic Partnerships").
func afterTitleOpener(toks []Token, low []matchToken, i int) bool {
	words := 1
	for k := i - 1; k > 0; k-- {
		w := low[k].Lower
		if titleLinks[w] {
			o := k - 1
			return titleOpeners[low[o].Lower] && capitalised(toks[o].Text)
		}
		if titleJoins[w] {
			continue
		}
		if !toks[k].Word || !capitalised(toks[k].Text) || titleBreaks[w] {
			return false
		}
		if words++; words > maxTitleWords {
			return false
		}
	}
	return false
}

// capitalised reports whether a word starts with an upper-case letter.
func capitalised(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return unicode.IsUpper(r)
}
