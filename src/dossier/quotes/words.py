"""The vocabulary of attribution: reporting verbs, role, title, organization and gendered words.

Kept apart so that the modules that find mentions and the modules that find
cues share one list of each, and so that the lists can grow in one place.
"""

from __future__ import annotations

from dossier.words import word_list

#: Words that name a role or title. Before a name they are stripped from it; as
#: the head of "the ..." or "a ..." they make a nominal or an unnamed source.
ROLE_WORDS = word_list("""
    official officials minister ministers secretary president vice leader spokesman spokeswoman
    spokesperson envoy diplomat diplomats ambassador source sources aide aides adviser advisor
    officer chief director chairman chairwoman chair negotiator negotiators premier chancellor
    governor senator representative mayor general commander lawmaker lawmakers analyst analysts
    expert experts delegate prosecutor judge king queen prince emperor ruler head counterpart
    deputy undersecretary commissioner administrator executive ceo founder manager economist
    researcher professor attorney lawyer spokespeople president-elect mediator monarch
    colonel lieutenant captain major admiral sergeant corporal brigadier commodore marshal inspector
    superintendent detective constable
    """)
#: Title words that appear capitalised before a name but are not roles on their own.
TITLE_WORDS = word_list("""
    mr mrs ms dr sir dame lord lady prof rev gen col lt capt sgt maj adm foreign state defense defence
    prime interior finance trade security public justice home affairs of the national
    us u.s. uk u.k. eu un
    """)
#: Verbs that report speech ("said", "told", "warned"), in the forms news copy uses.
REPORTING_VERBS = word_list(
    """
    said says say told tells added adds stressed stresses warned warns asked asks noted notes insisted
    insists explained explains argued argues declared declares stated states claimed claims replied
    replies responded responds wrote writes recalled recalls acknowledged acknowledges admitted admits
    emphasized emphasised emphasizes emphasises reiterated reiterates urged urges announced announces
    continued continues concluded concludes suggested suggests observed observes remarked remarks
    cautioned cautions described describes called calls reported reports conceded concedes confirmed
    confirms countered counters maintained maintains promised promises vowed vows pledged pledges
    saying adding telling stressing warning noting insisting explaining arguing describing calling
    maintaining claiming warning urging recalling emphasizing emphasising
    underscored underscores tweeted posted complained complains predicted predicts lamented laments
    joked jokes quipped quips shouted shouts exclaimed exclaims boasted boasts retorted retorts
    scoffed scoffs mused muses pleaded pleads testified testifies contended contends asserted asserts
    proclaimed proclaims recounted recounts fumed fumes read reads reacted reacts barked barks gushed gushes
    riffed riffs wondered wonders protested write exhorted exhorts
    """
)
#: Lower-case heads of a phrase that names a body able to issue a statement ("the ministry said").
ORGANIZATION_HEADS = word_list("""
    ministry government department agency office council committee commission embassy military army
    navy police company authority administration cabinet presidency parliament campaign coalition
    alliance federation union party court regulator board firm
    """)
#: Words that fix a gender when they are the title or role of a person ("Mr", "spokeswoman").
MALE_WORDS = word_list("mr mr. sir lord king prince emperor spokesman chairman congressman father")
FEMALE_WORDS = word_list(
    "mrs mrs. ms ms. miss madam dame lady queen princess empress spokeswoman chairwoman congresswoman mother"
)
#: Lemmas of common nouns that can be the source of quoted words in the writer's own sentence: people
#: in general terms and the things that carry words ("the crowd chanted", "the ad calls it").
SPEAKING_NOUNS = word_list("""
    person people man woman men women guy boy girl kid child crowd audience protester supporter friend
    staffer candidate narrator
    voice voter resident critic activist member group team neighbor neighbour colleague host anchor
    moderator reporter journalist writer columnist editor author pastor priest doctor student worker
    ally opponent rival donor fan nominee challenger incumbent organizer organiser petitioner plaintiff
    defendant witness victim survivor relative family parent mother father wife husband son daughter
    statement ad advertisement commercial email letter memo report release tweet post editorial column
    article book poll survey video message transcript website site note footnote filing complaint lawsuit
    ruling order platform bill law plan proposal petition sign banner headline speech interview
    pamphlet leaflet flier flyer brochure mailer invitation document study page account blog newsletter
    newspaper paper magazine journal outlet network station channel show program programme broadcast
    """)
