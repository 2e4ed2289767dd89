"""Word lists for finding and resolving actors: pronouns, titles, organisation words, and the
capitalised words that are not names. Data only; used by tracker/extract_*.py."""

from __future__ import annotations


def word_set(block: str) -> frozenset[str]:
    """A set of the whitespace-separated words of `block` (the form of every list here)."""
    return frozenset(block.split())


PRONOUNS_SPEAKER = word_set("i we me us my our")
PRONOUNS_PERSON = word_set("he she him her his")
PRONOUNS_THING = word_set("it they its their them")
GENERIC_ORG_NOUNS = word_set(
    """company firm carmaker automaker airline manufacturer group government bank maker
    retailer business corporation board administration ministry agency union state"""
)
# A nation's institutions: "the Russian government" is itself who acts, while "the German
# carmaker" stands for a company named elsewhere.
INSTITUTION_NOUNS = word_set("government administration ministry parliament cabinet")
# Plural nouns for institutional groups that act and decide ("regulators will lower the duty").
AGENT_NOUNS = word_set(
    """regulators officials authorities lawmakers legislators politicians ministers
    executives leaders negotiators unions governments organisers organizers"""
)
# Events that an institution holds ("a hearing in the Bankruptcy Court").
EVENT_NOUNS = word_set(
    """hearing hearings vote votes meeting meetings trial session summit conference debate
    inquiry review auction ballot referendum"""
)
# Words that make a capitalised run a title ("Russian President Vladimir Putin"); the ones
# in PERSON_TITLES also say that the name after them is a person.
PERSON_TITLES = word_set(
    """president prime minister pm chancellor secretary senator sen gov governor mr mrs ms
    dr prof king queen prince princess chairman chairwoman chair ceo cfo coo cto chief
    executive director spokesman spokeswoman spokesperson analyst judge mayor ambassador
    general-secretary pope bishop leader founder co-founder cofounder officer
    representative rep lord sir dame economist advisor adviser"""
)
# A rank before a title that says no portfolio: "the Cabinet Secretary" is the Secretary the
# text names ("External Affairs Secretary Ann Lee").
RANKS = word_set("cabinet")
NATIONALITIES = word_set(
    """israeli russian american us u.s. british french german chinese japanese iranian
    syrian italian spanish dutch european canadian indian korean australian mexican
    brazilian swiss swedish"""
)
TITLES = (
    PERSON_TITLES | NATIONALITIES | word_set("foreign defense defence finance deputy vice head")
)
ORG_WORDS = word_set(
    """inc inc. corp corp. corporation company co co. ltd ltd. plc llc group motors motor
    bank airlines airline airways university college institute international association
    agency authority ministry department council union commission committee court exchange board
    office party force forces army navy times post news journal press reuters fund trust
    holdings partners industries systems technologies foundation organization
    organisation street market index house senate congress parliament government america
    states kingdom republic"""
)
ADVERBS = word_set(
    """even also still now today already reportedly then soon further finally currently
    recently officially jointly eventually both all formally originally later yesterday
    tomorrow again indeed only just probably likely certainly definitely expressly
    publicly meanwhile however therefore thus instead"""
)
# Function words that open a capitalised sentence and are not part of a name.
NOT_NAMES = word_set(
    """the a an and but or if when while as in on at of for to from with by after before
    this that these those it its he she they we i you his her their our my your there here
    what who why how which said says according however meanwhile despite based since
    although though because under over during until photo illustrative"""
)
# Capitalised at a sentence start, these open a common noun phrase, not a name.
QUANTIFIERS = word_set(
    "many most some several each every few no none other others such another any"
)
TIME_WORDS = word_set(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december today tomorrow yesterday"""
)
# Words of an organisation's name that fit a generic noun ("the airline" → "All Nippon Airways").
GENERIC_HINTS = {
    "airline": word_set("airlines airways air"),
    "carrier": word_set("airlines airways air"),
    "carmaker": word_set("motors motor auto"),
    "automaker": word_set("motors motor auto"),
    "bank": word_set("bank"),
    "court": word_set("court"),
    "union": word_set("union workers"),
    "government": word_set("government administration"),
}
# Capitalised words that start place, product and company names, not people's names.
NOT_FIRST_NAMES = word_set(
    """new old north south east west central united general great royal national american
    european international first global grand saint st san los las le la el"""
)
# Words that never count as the content of a headline.
STOPWORDS = word_set("the and that with from this have will their they said about into over")
# Prepositions that name a recipient or goal after a noun ("deliveries to Qantas"), so a name
# after them is not who acts; "of", "with" and "from" can name the party ("ministers from X").
PREPOSITIONS = word_set("to for towards toward into onto")
DETERMINERS = word_set("the a an this that these those its his her their our my your")
# Heads of a noun phrase that can stand for whoever acts: a pronoun, "the company", "the minister".
ACTOR_HEADS = PRONOUNS_SPEAKER | PRONOUNS_PERSON | PRONOUNS_THING
ACTOR_HEADS |= GENERIC_ORG_NOUNS | PERSON_TITLES | AGENT_NOUNS
# Heads of a name that names a thing, not who acts: a law, a plan, a paper or a project is
# carried out by its owner or the publisher ("Plan for Change will ...", "The AI Act will").
THING_HEADS = word_set(
    """act acts bill law laws regulation directive plan plans paper strategy programme program
    project projects scheme framework declaration report forecast review initiative package
    budget agenda fund-raising deal roadmap charter mission partnership pact accord treaty
    centre centres center centers station tunnel line route railway road bridge plant site
    panels savings deliveries growth inflation economy unemployment prices demand output
    investment investments funding money model models product products service services
    launch rollout games olympics paralympics cup summit festival expo tournament talks
    negotiations offer guarantee grant scheme contracts factories facility facilities
    statement statements park parks fta discussions"""
)
# Heads of a thing's name that also head the names of bodies that act ("National Health
# Service", "National Cyber Security Centre", "EU Missions").
BODY_THING_HEADS = word_set(
    "centre centres center centers service services mission missions partnership fund"
)
# Heads of who receives rather than acts: "Families will get", "social care workers will be
# given".
BENEFICIARY_HEADS = word_set(
    """families parents children pupils students patients residents households consumers
    customers passengers workers people communities taxpayers homeowners renters tenants
    veterans victims applicants recipients learners carers"""
)
# Heads whose "with X" names a party ("the agreement with Acme would remain").
AGREEMENT_HEADS = word_set(
    "agreement agreements deal deals contract contracts pact accord treaty talks"
)
# Nouns for the state itself: "the government will ..." never stands for a company.
STATE_NOUNS = word_set("government administration state executive cabinet")
# Auxiliaries, adverbs and reporting verbs that follow a name as its verb ("NATO will").
VERB_WORDS = word_set(
    """will would shall can could may might must should is are was were has have had be been
    also not now then still already plans aims wants says said announced agreed"""
)
