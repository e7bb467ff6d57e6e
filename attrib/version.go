package attrib

// Version names what the attributor finds. Bump it with every change to
// the statements, speakers, roles, quotes or kinds it finds in any text:
// an index built by another version holds other speakers, and storybot
// rebuilds it. TestVersion fails when what it finds over a fixed corpus
// changes while Version does not.
const Version = "21"
