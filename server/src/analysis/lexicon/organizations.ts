// General-purpose organisation lexicon: the head words that make a capitalised name an
// organisation ("… Corps", "Ministry of …", "… Times"), and the words that may join two parts
// of one name ("Church of Scientology", "Museum and Art Gallery").

/** Head words that make a name an organisation when last ("Quds Force", "Civic Party"). */
export const ORG_HEADS = new Set(`Corps Force Forces Units Unit Ministry Agency Agencies Council Party Parties
University College School Schools Academy Institute Institution Church Museum Gallery Galleries Library Bank
Inc Inc. Ltd Ltd. LLC PLC plc Corp Corp. Corporation Company Co Co. Companies Group Holdings Office Court
Courts Tribunal Committee Commission Commissioner Association Society Foundation Fund Trust Union League
Federation Organisation Organization Department Police Army Navy Guard Guards Authority Board Bureau Service
Services News Times Post Press Herald Journal Tribune Gazette Magazine Daily Weekly Review Network Networks
Television TV Radio Broadcasting Broadcast Airlines Airways Movement Front Alliance Coalition Brigade
Brigades Legion Battalion Regiment Division Militia Assembly Parliament Congress Senate Cabinet Government
Administration Conference Convention Collective Team Records Labs Laboratories Technologies Entertainment
Studios Partners Cross Crescent Fellowship Ministries Diocese Archdiocese Synod Mission Caliphate Taliban
Brotherhood Democrats Republicans Socialists Liberals Conservatives Greens Nationalists Network Channel
Wire Telegraph Observer Chronicle Independent Guardian Mirror Standard Express Mail Sun Star Courier Monitor
Examiner Inquirer Register Reporter Bulletin Dispatch Globe Economist Reuters Foundation Center Centre
Collections Collection Club Orchestra Choir Band Ensemble Theatre Theater Council Secretariat Directorate
Inspectorate Command Headquarters Embassy Consulate Registry Exchange`.split(/\s+/));

/** Heads that make an organisation when first ("Ministry of Culture", "Team Estonia"). */
export const ORG_FIRST = new Set(`Ministry Department University College Church Museum Bank Bureau Office Institute
Council Court Municipality Commission Committee Union League Federation Association Society Agency Board
Academy School Team Order Congregation Diocese Archdiocese House Chamber Confederation Supreme Royal
Movimento Partido Parti Partito Banco Banque Universidad Université Università Comune Municipio Istituto
Instituto Centro Fondazione Fundación Museo Musée Ministerio Ministère Ministero`.split(/\s+/));

/** Org heads that are also common nouns of a place ("Centre" is a venue, "Art Center" an org). */
export const AMBIGUOUS_HEADS = new Set(['Center', 'Centre', 'Club', 'House', 'Channel', 'Hall']);

/** Words that may stand inside a name between two capitalised parts. */
export const NAME_CONNECTORS = new Set(['of', 'for', 'the', 'and', '&', 'at', 'on', 'in', 'de', 'del', 'della', 'dei', 'degli', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'les', 'el', 'al', 'y', 'e', 'von', 'van', 'der', 'den', 'ter', 'ten', 'zu', 'bin', 'ibn', 'bint', 'abu', 'ben']);

/** Lowercase name particles that stay inside a person's or place's name ("Abu Mahdi al-Muhandis"). */
export const NAME_PARTICLES = new Set(['al', 'el', 'ul', 'bin', 'ibn', 'bint', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'ten', 'zu', 'y', 'e', 'st', 'bu', 'ben', 'dei', 'degli', 'lo', 'op']);

/** Particles that may begin a name when hyphen-joined to it ("al-Iraqiya", "el-Sisi"). */
export const LEADING_PARTICLES = new Set(['al', 'el', 'ad', 'as', 'ash', 'at', 'az', 'an', 'ar']);

/** Top-level domains for web addresses that name a website ("Gawker.com", "www.flag.govt.nz"). */
export const TLDS = new Set(`com org net edu gov mil int info biz io co tv fm me ly ai app dev news blog uk ca au nz
ie de fr it es nl be ch at se no dk fi pl pt ru jp cn kr in br mx za sg hk tw us eu ir iq`.split(/\s+/));

/** Newsgroup hierarchies ("alt.religion.scientology"). */
export const NEWSGROUP_ROOTS = new Set(['alt', 'comp', 'rec', 'sci', 'soc', 'news', 'talk', 'misc', 'humanities']);

/** Newspapers and media whose name includes "The" ("The Guardian", "The Straits Times"). */
export const THE_HEADS = new Set(['Times', 'Post', 'Guardian', 'Globe', 'Independent', 'Observer', 'Telegraph', 'Economist', 'Press', 'Herald', 'Journal', 'Tribune', 'Gazette', 'Mail', 'Mirror', 'Sun', 'Star', 'Chronicle', 'Standard', 'Express', 'Atlantic', 'Hill', 'Onion', 'Intercept', 'Spectator', 'Scotsman', 'Age', 'Australian', 'Hindu', 'Nation', 'Register', 'Inquirer', 'Examiner', 'Courier', 'Monitor', 'Dispatch']);

/**
 * Organisations so widely known that news text names them without a head word: international
 * bodies, the biggest companies, sites and news agencies.
 */
export const KNOWN_ORGS = new Set(`UN EU NATO WHO IMF OPEC ASEAN FIFA UEFA IOC UNESCO UNICEF UNHCR WTO OECD
Interpol Europol Hamas Hezbollah Taliban al-Qaeda Qaeda ISIS ISIL Daesh Google Alphabet Apple Microsoft Amazon
Facebook Meta Instagram WhatsApp Twitter YouTube TikTok Snapchat Reddit LinkedIn Wikipedia Wikinews
Wikimedia Yahoo Netflix Spotify Uber Airbnb Tesla SpaceX Samsung Sony Nintendo Intel IBM Oracle Nvidia
Huawei Alibaba Tencent Baidu Toyota Honda Nissan Volkswagen BMW Mercedes Ford Boeing Airbus Disney Pixar
Warner Paramount Reuters Bloomberg AFP AP Xinhua Yonhap KCNA TASS Al-Jazeera Jazeera BBC CNN NBC CBS ABC
Fox MSNBC NPR PBS CBC ITV NASA FBI CIA NSA Pentagon Kremlin Congress Parliament Senate Mozilla`.split(/\s+/));

/** Political parties commonly named by one word ("Labour said …"). */
export const PARTY_NAMES = ['Labour', 'Tories', 'Conservatives', 'Democrats', 'Republicans', 'Liberals', 'Greens', 'Likud', 'Fidesz', 'Syriza', 'Podemos', 'Sinn Féin', 'Sinn Fein', 'Fatah', 'Hamas', 'Hezbollah', 'Houthis', 'Kuomintang', 'KMT', 'ANC', 'BJP', 'SNP', 'UKIP', 'CDU', 'SPD', 'AfD'];
for (const p of PARTY_NAMES) KNOWN_ORGS.add(p);

/** Products and brands, which are not entities ("Google Chrome" holds "Google", "Windows XP" nothing). */
export const PRODUCTS = new Set(`Windows Chrome Firefox Safari Opera Edge Internet_Explorer iPhone iPad iPod Mac MacBook iMac
Android iOS macOS Linux Ubuntu PlayStation Playstation Xbox Wii Switch Kindle Alexa Siri Cortana Excel PowerPoint
Outlook Skype Photoshop Gmail Bing Galaxy Pixel Walkman Polaroid Budweiser Coca-Cola Coke Pepsi Lego Barbie
Big_Mac Whopper Prius Model_S Boeing_737 Boeing_747 Airbus_A380 Jeep Hummer Vespa Rolex Viagra Prozac Tylenol
Aspirin Kleenex Xerox Frisbee Velcro Jacuzzi Teflon Botox Tamagotchi Pokémon Pokemon Minecraft Fortnite Tetris
Counter-Strike ChatGPT Bitcoin Ethereum`.split(/\s+/).map((p) => p.replace(/_/g, ' ')));
