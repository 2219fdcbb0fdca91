/** The kubetutor command. */
console.log('kubetutor: the tutor is being built; try `kubetutor script FILE` once it lands.');
