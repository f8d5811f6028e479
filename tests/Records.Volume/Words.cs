namespace Records.Volume;

/// <summary>Word lists for names and prose: many cultures and scripts, because a foundation's records have them.</summary>
internal static class Words
{
    public static readonly string[] GivenNames =
    [
        "Ada", "Alex", "Amara", "Ana", "Andrés", "Anna", "Arjun", "Aylin", "Bea", "Bogdan", "Carlos", "Chen", "Chidi", "Daniela",
        "David", "Dmitri", "Elena", "Emeka", "Emma", "Fatima", "Felipe", "Giulia", "Hannah", "Hiro", "Ines", "Ivan", "Jakub",
        "James", "Jean", "Jiwon", "John", "Juan", "Kamala", "Kenji", "Lars", "Leila", "Lucía", "Łukasz", "Maria", "Mariatta",
        "Mehmet", "Mei", "Mohammed", "Naomi", "Ngozi", "Nina", "Oluwaseun", "Omar", "Paolo", "Priya", "Rafael", "Ravi", "Sara",
        "Sebastián", "Sofia", "Stéphane", "Sven", "Tanvi", "Thomas", "Tomás", "Valentina", "Wei", "Yuki", "Zeynep", "Zoë",
    ];

    public static readonly string[] FamilyNames =
    [
        "Abara", "Adeyemi", "Andersen", "Banerjee", "Becker", "Bianchi", "Brown", "Castillo", "Chen", "Costa", "Dubois", "Eriksson",
        "Fernández", "García", "Gupta", "Haddad", "Hernández", "Ivanova", "Jansen", "Kim", "Kowalski", "Kumar", "Langa", "Lee",
        "Li", "Martin", "Mensah", "Moreau", "Müller", "Nakamura", "Nguyen", "Novák", "Okafor", "Olsen", "Park", "Pereira",
        "Petrov", "Roa", "Rossi", "Sato", "Schmidt", "Silva", "Singh", "Smith", "Suzuki", "Tanaka", "Tremblay", "Van der Berg",
        "Wang", "Wijaya", "Wirtel", "Wójcik", "Yamamoto", "Yılmaz", "Zhang", "Żukowski",
    ];

    public static readonly string[] CjkNames = ["山田 太郎", "佐藤 花子", "王 伟", "李 娜", "김 민준", "이 서연", "张 敏", "鈴木 一郎"];

    public static readonly string[] CompanyFirst =
    [
        "Acme", "Anchor", "Apex", "Aurora", "Beacon", "Blue Harbor", "Bright", "Cedar", "Cobalt", "Copper", "Delta", "Ember",
        "Evergreen", "Falcon", "Granite", "Harbor", "Helix", "Indigo", "Juniper", "Keystone", "Lumen", "Maple", "Meridian",
        "Nimbus", "North Star", "Oak", "Orbit", "Pine", "Prism", "Quantum", "Quartz", "Redwood", "River", "Sage", "Sierra",
        "Signal", "Silver", "Spruce", "Summit", "Tidal", "Torch", "True North", "Vertex", "Willow", "Zenith",
    ];

    public static readonly string[] CompanySecond =
    [
        "Analytics", "Cloud", "Computing", "Data", "Dynamics", "Foundry", "Health", "Insights", "Labs", "Logic", "Media",
        "Networks", "Robotics", "Security", "Software", "Systems", "Technologies", "Ventures", "Works",
    ];

    public static readonly string[] CompanySuffix = ["Inc.", "LLC", "Ltd", "GmbH", "S.A.", "B.V.", "Corp."];

    public static readonly string[] Contributions =
    [
        "maintains a widely used packaging tool", "has organised PyCon in their country for years", "mentors new contributors every week",
        "wrote much of the documentation for the standard library's asyncio module", "runs the local Python user group",
        "triages issues for the core interpreter", "teaches Python to school children", "translated the tutorial into their language",
        "leads a scientific Python library", "built the foundation's conference scheduling tools", "reviews pull requests on typeshed",
        "started PyLadies in their city", "keeps a popular web framework secure", "speaks at conferences about accessibility",
    ];

    public static readonly string[] Groups =
    [
        "PyCon Colombia Association", "Python Ghana", "PyLadies Berlin", "Django Girls Lagos", "Python Brasil Association",
        "EuroPython Society", "PyCon Africa Organisers", "Python Indonesia",
    ];

    public static readonly string[] VoteComments =
    [
        "Strong record of community work.", "Would like to see more sustained contribution.", "Known to me through PyCon; well deserved.",
        "The statement is thin; I abstain until we hear more.", "Years of quiet, steady maintenance.", "Agree with the other reviewers.",
    ];
}
