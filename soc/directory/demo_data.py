"""What the demo directory is made of: the needs it covers, the providers, where they are."""

# (need code, English name, Spanish name, description, minimum age, maximum age, free)
SERVICES = [
    ("parenting-support", "Parenting classes", "Clases para madres y padres",
     "Weekly classes on positive discipline, routines and stress for parents and caregivers.", None, None, True),
    ("family-partner", "Family partner support", "Apoyo de compañeros familiares",
     "A parent who has been there helps your family prepare for meetings and find services.", 0, 21, True),
    ("respite", "Respite care", "Cuidado de relevo",
     "Planned short breaks for caregivers of children with special needs.", 0, 17, False),
    ("mentoring", "Youth mentoring", "Mentoría para jóvenes",
     "Weekly one-to-one time with a trained adult mentor.", 6, 18, True),
    ("childcare", "Child care assistance", "Ayuda con el cuidado infantil",
     "Help finding and paying for licensed child care.", 0, 12, True),
    ("mental-health-counseling", "Child and family therapy", "Terapia para niños y familias",
     "Counseling for children, teens and families. Medicaid and NC Health Choice accepted.", 3, 21, False),
    ("crisis", "Mobile crisis team", "Equipo móvil de crisis",
     "A crisis team comes to your home or school, day or night.", None, None, True),
    ("substance-use", "Youth substance use treatment", "Tratamiento de uso de sustancias para jóvenes",
     "Assessment, counseling and family sessions for teens who use alcohol or drugs.", 12, 21, False),
    ("housing", "Family housing help", "Ayuda de vivienda para familias",
     "Help with rent, utilities and finding a safe place to live.", None, None, True),
    ("food", "Family food pantry", "Despensa de alimentos para familias",
     "Groceries every week, and help applying for food benefits.", None, None, True),
    ("transportation", "Rides to appointments", "Transporte a citas",
     "Free rides to medical, therapy and school appointments.", None, None, True),
    ("employment", "Job training for parents", "Capacitación laboral para padres",
     "Job search help and short training courses.", 16, None, True),
    ("medical", "Pediatric clinic", "Clínica pediátrica",
     "Check-ups, sick visits and vaccines, with a sliding fee.", 0, 18, False),
    ("developmental-disabilities", "Early intervention", "Intervención temprana",
     "Evaluations and therapies at home for babies and toddlers with delays.", 0, 5, True),
    ("iep-advocacy", "School and IEP advocacy", "Apoyo con la escuela y el IEP",
     "An advocate helps you with IEP and 504 meetings and school discipline.", 3, 21, True),
    ("after-school", "After-school program", "Programa después de clases",
     "Homework, sports and arts after school and in the summer.", 5, 14, False),
    ("tutoring", "Homework help", "Ayuda con las tareas",
     "Volunteer tutors in reading and math.", 6, 18, True),
    ("legal", "Family legal clinic", "Clínica legal para familias",
     "Free advice on custody, housing and immigration.", None, None, True),
    ("juvenile-justice-diversion", "Teen court", "Tribunal juvenil de pares",
     "Young people who made a first mistake make it right instead of going to court.", 10, 17, True),
]  # fmt: skip

# county: (providers, [(city, ZIP, latitude, longitude)])
COUNTIES = {
    "Wake": (
        ["Triangle Family Counseling", "Raleigh Community Partners", "Wake Parent Network",
         "Oak City Youth Services", "Capital Area Food Alliance", "Centro Familiar Latino de Wake",
         "Wake Legal Aid Clinic", "Hope Clinic Raleigh"],
        [("Raleigh", "27601", 35.7796, -78.6382), ("Raleigh", "27604", 35.8201, -78.5830),
         ("Raleigh", "27610", 35.7448, -78.5489), ("Cary", "27511", 35.7641, -78.7786)],
    ),
    "Durham": (
        ["Bull City Therapy Partners", "Durham Family Resource Center", "Bull City Youth Mentors",
         "El Centro Familiar de Durham", "Durham Food and Housing Network", "Durham Teen Court",
         "Durham Children's Clinic", "Piedmont Respite Partners"],
        [("Durham", "27701", 35.9940, -78.8986), ("Durham", "27703", 35.9780, -78.8240),
         ("Durham", "27707", 35.9560, -78.9560)],
    ),
    "Johnston": (
        ["Johnston Family Services Collaborative", "Smithfield Youth Center",
         "Johnston County Food Pantry", "Clayton Counseling Associates",
         "Johnston Hispanic Outreach", "Johnston Early Intervention", "Selma Community Rides",
         "Johnston Legal Help"],
        [("Smithfield", "27577", 35.5085, -78.3394), ("Clayton", "27520", 35.6507, -78.4564),
         ("Selma", "27576", 35.5357, -78.2845)],
    ),
}  # fmt: skip

FAMILY_ORGANIZATION = "NC Families United"
