namespace Records.Core.Posts;

public static partial class PostTemplates
{
    // The foundation's own wording, from "Python Software Foundation Fellow Members for Q1 2020" (April 2020).
    public const string DefaultFellows = """
        We are happy to announce our newest {{ foundation_short }} Fellow Members for {{ quarter }}!

        ## {{ quarter }}

        {% for fellow in fellows %}
        **{{ fellow.name }}**{% if fellow.links != empty %}  
        {% for link in fellow.links %}{% if link.url != blank %}[{{ link.kind }}]({{ link.url }}){% else %}{{ link.kind }}{% endif %}{% unless forloop.last %}, {% endunless %}{% endfor %}{% endif %}

        {% endfor %}
        Congratulations! Thank you for your continued contributions. We have added you to our [Fellow roster]({{ roster_url }}) online.

        {{ summary }}

        Let's continue to recognize Pythonistas all over the world for their impact on our community. The criteria for Fellow members is available online: {{ criteria_url }}. If you would like to nominate someone to be a {{ foundation_short }} Fellow, please send a description of their Python accomplishments and their email address to {{ work_group_email }}. We are accepting nominations for quarter {{ next_quarter }} through {{ next_cut_off }}.

        ## Help Wanted!

        The Fellow Work Group is looking for more members from all around the world! If you are a {{ foundation_short }} Fellow and would like to help review nominations, please email us at {{ work_group_email }}. More information is available at: {{ work_group_url }}
        """;

    // After "Building a Python community in Colombia: John Roa, 2018 Q4 CSA Recipient" (April 2020).
    public const string DefaultServiceAward = """
        The {{ foundation }} is pleased to recognize {{ recipient }} for the {{ award_quarter }} Community Service Award:

        {{ resolution | blockquote }}
        """;

    // After "Thank you to donors & sponsors" (April 2020). A count of zero is not announced, and a section with nobody to thank is left out.
    public const string DefaultThanks = """
        {% if campaign != blank %}During {{ campaign }}{% else %}From {{ period }}{% endif %}, {% if donor_count > 0 %}{{ donor_count }} {% if donor_count == 1 %}individual{% else %}individuals{% endif %} donated to the {{ foundation_short }}{% if sponsor_count > 0 %} and {% endif %}{% endif %}{% if sponsor_count > 0 %}{{ sponsor_count }} {% if sponsor_count == 1 %}sponsor{% else %}sponsors{% endif %} supported our work{% endif %}{% if donor_count == 0 and sponsor_count == 0 %}organizations donated to the {{ foundation_short }}{% endif %}.{% if show_totals and gift_count > 0 %} In all, {{ gift_count }} {% if gift_count == 1 %}donation{% else %}donations{% endif %} brought in {% for total in totals %}{% if forloop.first %}{% elsif forloop.last %} and {% else %}, {% endif %}{{ total.amount }}{% endfor %}.{% endif %}
        {% if donor_count > 0 %}

        ## Thank you individual donors!

        Thank you to the individuals that donated to the {{ foundation_short }}. Thank you to the messages and tweets of support. Our hearts are full from the tremendous generosity we have seen.
        {% if name_donors and donors != empty %}

        {% for donor in donors %}{{ donor }}{% unless forloop.last %}, {% endunless %}{% endfor %}
        {% endif %}
        {% endif %}
        {% if tiers != empty %}

        ## Thank you sponsors!

        Thank you to the sponsors that stand by the {{ foundation_short }} and its community. None of this would be possible without these organizations:

        {% for tier in tiers %}
        ### {{ tier.name }}

        {% for sponsor in tier.sponsors %}- {{ sponsor }}
        {% endfor %}
        {% endfor %}
        {% endif %}
        """;
}
