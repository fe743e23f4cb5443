"""What demo families and teams write: culture notes, meeting agendas, notes and next steps.

Family-facing text is in the family's language: Spanish for Spanish-speaking families, English
otherwise (other languages are named in the text, as a family writing through an interpreter
would). Every list is indexed by language code ("en" or "es").
"""

LANGUAGE_NAMES = {
    "vi": "Vietnamese",
    "ar": "Arabic",
    "zh": "Mandarin",
    "hmn": "Hmong",
    "fr": "Haitian Creole and French",
    "ase": "American Sign Language",
}

CULTURE_NOTES = {
    "en": [
        "Sunday dinner at Grandma's is our time together. Please don't schedule anything then.",
        "We are a military family; Dad is deployed until spring and calls on Thursday nights.",
        "Church is a big part of our life. Our pastor knows the kids well.",
        "We moved here from the mountains two years ago and still miss our people back home.",
        "We are a blended family: four kids, two homes, one team.",
        "Music matters in our house. The kids play in the church band.",
        "We hunt and fish together; being outdoors is how we calm down.",
        "Our family is Lumbee. Family and community come first.",
    ],
    "es": [
        "Somos de Oaxaca. Los domingos comemos juntos con la abuela y vamos a misa.",
        "En casa hablamos español; los niños nos ayudan con el inglés, pero preferimos un intérprete.",
        "La fe es muy importante para nosotros. La hermana Lupe de la iglesia nos apoya mucho.",
        "Venimos de Honduras hace cinco años. Extrañamos a la familia que quedó allá.",
        "Somos una familia grande: tíos y primos viven cerca y todos cuidamos a los niños.",
        "Celebramos el Día de Muertos y las posadas; a los niños les encanta.",
        "Trabajamos en el campo y los horarios cambian; por favor llámennos por la tarde.",
    ],
    "other": [
        "We speak {language} at home. Grandma does not speak English, please bring an interpreter.",
        "We came to North Carolina four years ago. We speak {language}; the children also speak English.",
        "Our faith and our elders guide us. We speak {language} with the elders.",
        "Please send papers in {language} if you can, or explain them to us by phone.",
    ],
}

WHAT_MATTERS = {
    "en": [
        "That the kids stay together and stay with us.",
        "Getting {child} back on track at school without another suspension.",
        "Keeping everyone safe at home and having a plan when things get hard.",
        "{child} finding a counselor they actually like.",
        "Being treated with respect. We know our kids best.",
        "Stable housing and a steady job so we can stop worrying every month.",
    ],
    "es": [
        "Que los niños estén seguros y felices en casa, con nosotros.",
        "Que {child} termine el año escolar y no lo vuelvan a suspender.",
        "Que nos hablen en español y nos expliquen todo con paciencia.",
        "Tener un plan para cuando las cosas se ponen difíciles.",
        "Que {child} tenga un consejero que le caiga bien.",
        "Un lugar estable para vivir y trabajo seguro.",
    ],
}

REASON_OTHER = {"en": "Planning for summer break", "es": "Planear las vacaciones de verano"}

AGENDA = {
    "en": {
        "regular_review": "Check in on how things are going. Review next steps. Update the plan.",
        "crisis": "What happened this week. Keeping everyone safe. Who does what tonight.",
        "placement_change": "Where the children will live. Visits. School and therapy continuity.",
        "school_change": "New school, transportation, IEP and meeting the new teachers.",
        "transition": "Turning 18: housing, school or work, health insurance and who stays on the team.",
        "other": "Summer schedule, camps and childcare.",
    },
    "es": {
        "regular_review": "Cómo van las cosas. Revisar los próximos pasos. Actualizar el plan.",
        "crisis": "Qué pasó esta semana. Cómo mantener a todos seguros. Quién hace qué esta noche.",
        "placement_change": "Dónde vivirán los niños. Visitas. Seguir con la escuela y la terapia.",
        "school_change": "Escuela nueva, transporte, IEP y conocer a los maestros.",
        "transition": "Cumplir 18 años: vivienda, estudios o trabajo, seguro médico y el equipo.",
        "other": "Horario de verano, campamentos y cuidado de los niños.",
    },
}

NOTES = {
    "en": [
        "The family shared that mornings are going better since the new routine started. "
        "{child} has missed fewer days of school. Everyone agreed the plan is working.",
        "We talked about the hard week at home. The family named what helps: calling "
        "the family partner, time outside, and Grandma's house as a safe place.",
        "The school reported progress in reading. The family asked for meetings after 4 pm.",
        "Therapy has started; {child} says it is okay so far. Transportation is still a barrier.",
    ],
    "es": [
        "La familia contó que las mañanas van mejor con la nueva rutina. {child} ha faltado "
        "menos a la escuela. Todos estuvieron de acuerdo en que el plan funciona.",
        "Hablamos de la semana difícil en casa. La familia dijo qué ayuda: llamar a la "
        "compañera de familia, salir a caminar y la casa de la abuela como lugar seguro.",
        "La escuela informó avances en lectura. La familia pidió reuniones después de las 4.",
        "Empezó la terapia; {child} dice que va bien. El transporte sigue siendo un problema.",
    ],
}

DECISIONS = {
    "en": [
        "Keep the current plan. Meet again in a month.",
        "Ask the school for an IEP review. The family partner will come along.",
        "Start family therapy on Tuesdays after school.",
        "Add the safety plan to the fridge; everyone has a copy.",
    ],
    "es": [
        "Seguir con el plan actual. Reunirnos otra vez en un mes.",
        "Pedir a la escuela una revisión del IEP. La compañera de familia acompañará.",
        "Empezar terapia familiar los martes después de la escuela.",
        "Poner el plan de seguridad en el refrigerador; todos tienen una copia.",
    ],
}

# (who does it, English, Spanish): "who" matches a team role, or "any".
NEXT_STEPS = [
    ("caregiver", "Call the school to ask for an IEP meeting", "Llamar a la escuela para pedir una reunión del IEP"),
    ("caregiver", "Bring the Medicaid card to the clinic", "Llevar la tarjeta de Medicaid a la clínica"),
    ("caregiver", "Fill out the summer camp application", "Llenar la solicitud del campamento de verano"),
    ("youth", "Try the homework club two afternoons a week", "Ir al club de tareas dos tardes por semana"),
    ("youth", "Write down three things that help when I'm angry", "Escribir tres cosas que me ayudan cuando estoy enojado"),
    ("facilitator", "Send the updated plan to everyone on the team", "Enviar el plan actualizado a todo el equipo"),
    ("facilitator", "Find a therapist with evening hours", "Buscar un terapeuta con horario por la tarde"),
    ("facilitator", "Schedule the next team meeting", "Programar la próxima reunión del equipo"),
    ("agency", "Share the attendance report with the family", "Compartir el reporte de asistencia con la familia"),
    ("agency", "Check on the housing voucher application", "Revisar la solicitud del vale de vivienda"),
    ("provider", "Start weekly therapy sessions", "Empezar sesiones de terapia cada semana"),
    ("provider", "Send the assessment summary to the team", "Enviar el resumen de la evaluación al equipo"),
    ("family_partner", "Go with Mom to the school meeting", "Acompañar a mamá a la reunión de la escuela"),
    ("family_partner", "Share the list of parent support groups", "Compartir la lista de grupos de apoyo para padres"),
    ("natural_support", "Pick the kids up from school on Wednesdays", "Recoger a los niños de la escuela los miércoles"),
    ("natural_support", "Have the kids over on Saturday afternoons", "Cuidar a los niños los sábados por la tarde"),
    ("any", "Look into a food pantry near the house", "Buscar un banco de comida cerca de la casa"),
]  # fmt: skip

REQUIRED_REASON = {
    "en": "Child welfare has an open case, so the social worker must stay on the team until it is closed.",
    "es": "Servicios de protección infantil tiene un caso abierto: la trabajadora social debe seguir en el equipo hasta que se cierre.",
}

ENDED_REASON = {
    "declined": {
        "en": "We already have a counselor we trust.",
        "es": "Ya tenemos una consejera de confianza.",
    },
    "removed": {
        "en": "Moved away; thank you for your help.",
        "es": "Se mudó; gracias por su ayuda.",
    },
}

PLACES = {
    "en": ["Family home", "Public library meeting room", "School conference room", "{org}, conference room"],
    "es": ["Casa de la familia", "Sala de la biblioteca pública", "Sala de reuniones de la escuela", "{org}, sala de reuniones"],
}  # fmt: skip


def text_language(language):
    """The language demo text is written in for a family speaking `language`."""
    return "es" if language == "es" else "en"
