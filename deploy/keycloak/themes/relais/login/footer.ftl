<#-- keycloak.v2 leaves this footer empty for themes to fill: Relais says how to get help without an account. -->
<#macro content>
<section id="relais-aide" class="relais-aide" aria-labelledby="relais-aide-titre">
  <h2 id="relais-aide-titre">${msg("relaisHelpTitle")}</h2>
  <p>${msg("relaisHelpIntro")}</p>
  <h3>${msg("relaisHelpDeskTitle")}</h3>
  <ul>
    <#list properties.relaisHelpDesks?split("|") as desk>
    <li>${desk}</li>
    </#list>
  </ul>
  <p>${msg("relaisHelpHours")}</p>
  <h3>${msg("relaisHelpPhoneTitle")}</h3>
  <p><a id="relais-aide-telephone" href="tel:${properties.relaisHelpPhone?replace(" ", "")}">${properties.relaisHelpPhone}</a> ${msg("relaisHelpPhoneNote")}</p>
</section>
</#macro>
