// A registration question in the event editor shows "Choices" and "Default value" only
// for the types of answer that use them, or when they already hold something (nothing
// in effect is hidden). A Stimulus controller, so that questions added with "Add
// question" get it too. See events.forms.question_fields_attrs.
(() => {
  const { Controller } = window.StimulusModule;

  class QuestionFieldsController extends Controller {
    static targets = ["type", "choices", "default"];
    static values = { types: Array };

    connect() {
      this.toggle();
    }

    toggle() {
      const applies = this.typesValue.includes(this.typeTarget.value);
      for (const panel of [...this.choicesTargets, ...this.defaultTargets]) {
        const input = panel.querySelector("input, textarea");
        panel.hidden = !applies && !(input && input.value.trim());
      }
    }
  }

  window.wagtail.app.register("question-fields", QuestionFieldsController);
})();
