"""Site-wide demo content: the organisation and its information pages."""

ORGANISATION = {
    "name": "Rapporteur Demonstration Organisation",
    "short_name": "Rapporteur Demo",
    "contact_email": "info@example.org",
    "social_links": [
        ("Mastodon", "https://social.example.org/@rapporteur"),
        ("YouTube", "https://video.example.org/c/rapporteur"),
        ("Photos", "https://photos.example.org/rapporteur"),
    ],
}

HOME = {
    "title": "Human rights reports",
    "intro": "The annual report of the Rapporteur Demonstration Organisation, edition by edition. The content is a demonstration of the Rapporteur software.",
}

COOKIE_STATEMENT = {
    "slug": "cookies",
    "title": "Cookie statement",
    "body": [
        (
            "paragraph",
            "We do not track you. This site uses no analytics, advertising or social-network scripts, and loads nothing from other websites.",
        ),
        ("heading", "What we store on your device"),
        (
            "paragraph",
            "Nothing, unless you choose “Yes, I agree” in the cookie notice. Then we store one cookie named rapporteur_cookie_notice, containing only the word “accepted”, for one year, so that the notice is not shown to you again. You can delete it at any time in your browser's settings; the notice will simply reappear.",
        ),
        ("heading", "Staff accounts"),
        (
            "paragraph",
            "People who sign in to edit the report receive a session cookie and a security token, which are needed to keep them signed in and to protect their forms. Readers never receive these.",
        ),
    ],
}

ABOUT = {
    "slug": "about",
    "title": "About this demonstration",
    "body": [
        (
            "paragraph",
            "This site shows Rapporteur, software for publishing an annual human-rights report to the web, print and open data from one structured source.",
        ),
        (
            "paragraph",
            "The country entries summarise well-known public events of 2011 and 2012 in our own words. They are demonstration material, not the findings of any organisation.",
        ),
    ],
}
